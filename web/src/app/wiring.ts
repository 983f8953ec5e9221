import type { QueryClient } from '@tanstack/react-query';
import { getSession, onSignedIn, subscribeSession, tokenSource } from '@/features/auth/session';
import { mergeGuestCart } from '@/features/cart/merge';
import { setTokenSource } from '@/lib/http';

/**
 * What ties the features together at start: the fetch wrapper's tokens come from the session; a
 * sign-in merges the guest cart (a failed merge keeps the guest lines for the next try); signing
 * out forgets the account's server state.
 */
export function wireApp(client: QueryClient): () => void {
  setTokenSource(tokenSource);
  const merge = (customer: string) =>
    mergeGuestCart(client, customer).catch(() => {
      // The lines stay in the browser; the next sign-in or start merges them (same guestCartId).
    });
  const offSignIn = onSignedIn((session) => merge(session.sub));
  let signedIn = getSession() !== null;
  const offSession = subscribeSession(() => {
    const now = getSession() !== null;
    if (signedIn && !now) {
      for (const key of ['cart', 'orders', 'notifications'])
        client.removeQueries({ queryKey: [key] });
    }
    signedIn = now;
  });
  const session = getSession();
  if (session) void merge(session.sub);
  return () => {
    offSignIn();
    offSession();
  };
}
