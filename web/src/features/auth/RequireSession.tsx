import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';

/** A page for signed-in shoppers: a guest is sent to sign in, and comes back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?${new URLSearchParams({ returnTo })}`} replace />;
  }
  return <>{children}</>;
}
