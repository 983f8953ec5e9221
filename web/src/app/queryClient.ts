import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from '@/lib/problem';

/** Server state lives here. A 4xx is an answer, not a glitch: never retried (except where a page says). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 2 &&
          !(error instanceof ProblemError && error.status < 500 && error.status !== 429),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
