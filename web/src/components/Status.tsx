import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

type QueryLike<T> = {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
};

/** Loading, error (with a retry) or the data: the three states of every page that reads. */
export function QueryState<T>({
  query,
  loading,
  children,
}: {
  query: QueryLike<T>;
  loading?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <Loading label={loading} />;
}
