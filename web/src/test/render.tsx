import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { setConfig, type ShopConfig } from '@/lib/config';
import { setTokenSource } from '@/lib/http';
import { tokenSource } from '@/features/auth/session';

export const LOCAL_CONFIG: ShopConfig = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_test',
  clientId: 'client-1',
  cognitoEndpoint: 'http://cognito.test',
};

/** A page at a path, with a fresh query cache, the session's tokens and a local config. */
export function renderAt(path: string, routes: RouteObject[], config: ShopConfig = LOCAL_CONFIG) {
  setConfig(config);
  setTokenSource(tokenSource);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, client, router };
}

export const page = (path: string, element: ReactElement): RouteObject => ({ path, element });
