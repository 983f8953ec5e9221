import { api } from '@/lib/http';

export type ShippingAddress = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
};

export type CheckoutRequest = { shippingAddress: ShippingAddress; paymentMethodToken: string };

/** The 202 answer: `orderId` is the order the checkout becomes (minted by the cart), so its page
 * and status stream can be opened at once. */
export type CheckoutAccepted = {
  checkoutId: string;
  cartId: string;
  orderId: string;
  status: 'CHECKED_OUT';
};

/** The simulated provider's test tokens (docs/api.md), offered on the page in local mode. */
export const TEST_TOKENS = [
  { token: 'tok_4242424242424242', label: 'Test card that is approved' },
  { token: 'tok_4000000000000002', label: 'Test card that is declined' },
  { token: 'tok_4000000000009995', label: 'Test card declined for insufficient funds' },
] as const;

/** POST /api/cart/checkout: the answer names the order (also in its Location header). */
export async function placeOrder(
  body: CheckoutRequest,
  idempotencyKey: string,
): Promise<CheckoutAccepted> {
  const { data } = await api<CheckoutAccepted>('/api/cart/checkout', {
    method: 'POST',
    auth: 'required',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return data;
}
