import type { QueryClient } from '@tanstack/react-query';
import { cartKey, mergeCart } from './api';
import { clearGuestCart, readGuestCart } from './guestCart';

/** Lines the merge could not take, shown once on the cart page. */
export type SkippedLine = { sku: string; name: string; reason: string };

const SKIPPED = 'emporium.mergeSkipped';

const REASONS: Record<string, string> = {
  'not-found': 'is no longer sold',
  unknown: 'is no longer sold',
  unavailable: 'is out of stock',
  'insufficient-stock': 'is out of stock',
  'over-limit': 'would exceed the quantity allowed per line',
};

export function reasonText(reason: string): string {
  return REASONS[reason.toLowerCase()] ?? `could not be added (${reason})`;
}

/**
 * At sign-in: the guest cart's lines go to the account's cart (POST /api/cart/merge, once per
 * guestCartId, so a retry after a lost answer adds nothing twice). The guest cart is emptied only
 * once the merge answered; if it fails, the lines stay in the browser and the next sign-in or start
 * tries again.
 */
export async function mergeGuestCart(client: QueryClient, customer: string): Promise<void> {
  const guest = readGuestCart();
  if (guest.lines.length === 0) return;
  const result = await mergeCart(
    guest.guestCartId,
    guest.lines.map(({ sku, quantity }) => ({ sku, quantity })),
  );
  client.setQueryData(cartKey(customer), result.cart);
  const names = new Map(guest.lines.map((l) => [l.sku, l.name]));
  const skipped: SkippedLine[] = result.skipped.map((s) => ({
    sku: s.sku,
    name: names.get(s.sku) ?? s.sku,
    reason: s.reason,
  }));
  if (skipped.length > 0) sessionStorage.setItem(SKIPPED, JSON.stringify(skipped));
  clearGuestCart();
}

export function takeSkippedLines(): SkippedLine[] {
  const skipped = JSON.parse(sessionStorage.getItem(SKIPPED) ?? '[]') as SkippedLine[];
  return skipped;
}

export function forgetSkippedLines(): void {
  sessionStorage.removeItem(SKIPPED);
}
