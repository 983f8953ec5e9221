import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { endSession, tokenSource } from '@/features/auth/session';
import { signInForTest } from '@/features/auth/testSession';
import { setTokenSource } from '@/lib/http';
import { fakeFetch, json, problem } from '@/test/fakeFetch';
import { cartKey, type Cart } from './api';
import { addGuestLine, readGuestCart } from './guestCart';
import { mergeGuestCart, takeSkippedLines } from './merge';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

const merged: Cart = {
  cartId: 'cart-1',
  customerId: 'customer-1',
  status: 'OPEN',
  version: 3,
  lines: [
    {
      sku: 'KIT-1',
      name: 'Knife',
      quantity: 3,
      unitPrice: eur(1000),
      lineTotal: eur(3000),
      imageUrl: null,
      currentPrice: eur(1000),
      available: 5,
    },
  ],
  total: eur(3000),
  checkoutId: null,
};

function guestAdds() {
  addGuestLine({ sku: 'KIT-1', name: 'Knife', quantity: 2, unitPrice: eur(1000), imageUrl: null });
  addGuestLine({
    sku: 'OLD-9',
    name: 'Old lamp',
    quantity: 1,
    unitPrice: eur(500),
    imageUrl: null,
  });
}

describe('guest cart merge at sign-in', () => {
  afterEach(() => endSession());

  it("sends the guest lines once with the guest cart's id and shows the account's merged cart", async () => {
    guestAdds();
    const guestCartId = readGuestCart().guestCartId;
    const { seen } = fakeFetch({
      'POST /api/cart/merge': () =>
        json({ cart: merged, skipped: [{ sku: 'OLD-9', reason: 'not-found' }] }),
    });
    await signInForTest();
    setTokenSource(tokenSource);
    const client = new QueryClient();

    await mergeGuestCart(client, 'customer-1');

    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.get('Authorization')).toMatch(/^Bearer /);
    expect(seen[0]!.body).toEqual({
      guestCartId,
      lines: [
        { sku: 'KIT-1', quantity: 2 },
        { sku: 'OLD-9', quantity: 1 },
      ],
    });
    expect(client.getQueryData(cartKey('customer-1'))).toEqual(merged);
    expect(readGuestCart().lines).toEqual([]);
    expect(readGuestCart().guestCartId).not.toBe(guestCartId);
    expect(takeSkippedLines()).toEqual([{ sku: 'OLD-9', name: 'Old lamp', reason: 'not-found' }]);
  });

  it('keeps the guest lines (and their id, for an idempotent retry) when the merge fails', async () => {
    guestAdds();
    const before = readGuestCart();
    fakeFetch({ 'POST /api/cart/merge': () => problem(503, 'cart is not reachable') });
    await signInForTest();
    setTokenSource(tokenSource);

    await expect(mergeGuestCart(new QueryClient(), 'customer-1')).rejects.toThrow(
      'cart is not reachable',
    );

    expect(readGuestCart()).toEqual(before);
  });

  it('calls nothing when the guest cart is empty', async () => {
    const { seen } = fakeFetch({});
    await signInForTest();
    await mergeGuestCart(new QueryClient(), 'customer-1');
    expect(seen).toEqual([]);
  });
});
