import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/http';
import type { Money } from '@/lib/money';

export type CartLine = {
  sku: string;
  name: string;
  quantity: number;
  /** The price when the line was added. */
  unitPrice: Money;
  lineTotal: Money;
  imageUrl: string | null;
  /** The catalog's price now; differs from unitPrice when it changed. */
  currentPrice: Money | null;
  /** Units the catalog can sell now; null when it could not be asked. */
  available: number | null;
};

export type Cart = {
  cartId: string | null;
  customerId: string;
  status: 'OPEN' | 'CHECKED_OUT';
  version: number;
  lines: CartLine[];
  total: Money;
  checkoutId: string | null;
};

export type MergeResult = { cart: Cart; skipped: { sku: string; reason: string }[] };

export const MAX_QUANTITY = 99;

export const cartKey = (customer: string) => ['cart', 'account', customer] as const;

export const cartQuery = (customer: string) =>
  queryOptions({
    queryKey: cartKey(customer),
    queryFn: async ({ signal }) =>
      (await api<Cart>('/api/cart', { auth: 'required', signal })).data,
    // A checked-out cart comes back (cancelled order) or empties (confirmed) when the cart service
    // hears the outcome, which can be after the order page shows it: look again until then.
    refetchInterval: (query) => (query.state.data?.status === 'CHECKED_OUT' ? 2_000 : false),
  });

export async function addItem(sku: string, quantity: number): Promise<Cart> {
  return (
    await api<Cart>('/api/cart/items', {
      method: 'POST',
      auth: 'required',
      body: { sku, quantity },
    })
  ).data;
}

export async function setQuantity(sku: string, quantity: number): Promise<Cart> {
  return (
    await api<Cart>(`/api/cart/items/${encodeURIComponent(sku)}`, {
      method: 'PUT',
      auth: 'required',
      body: { quantity },
    })
  ).data;
}

export async function removeItem(sku: string): Promise<Cart> {
  return (
    await api<Cart>(`/api/cart/items/${encodeURIComponent(sku)}`, {
      method: 'DELETE',
      auth: 'required',
    })
  ).data;
}

export async function mergeCart(
  guestCartId: string,
  lines: { sku: string; quantity: number }[],
): Promise<MergeResult> {
  return (
    await api<MergeResult>('/api/cart/merge', {
      method: 'POST',
      auth: 'required',
      body: { guestCartId, lines },
    })
  ).data;
}
