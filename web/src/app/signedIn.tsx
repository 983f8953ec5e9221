import type { ComponentType } from 'react';
import { RequireSession } from '@/features/auth/RequireSession';

/** A lazy route's module for a page only signed-in shoppers see. */
export function signedIn(Page: ComponentType) {
  return {
    Component: () => (
      <RequireSession>
        <Page />
      </RequireSession>
    ),
  };
}
