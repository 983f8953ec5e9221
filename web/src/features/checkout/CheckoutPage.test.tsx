import { screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signInForTest } from '@/features/auth/testSession';
import type { Cart } from '@/features/cart/api';
import { fakeFetch, json, problem, type Seen } from '@/test/fakeFetch';
import { page, renderAt } from '@/test/render';
import { CheckoutPage } from './CheckoutPage';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const cart: Cart = {
  cartId: 'cart-1',
  customerId: 'customer-1',
  status: 'OPEN',
  version: 1,
  lines: [
    {
      sku: 'KIT-1',
      name: 'Chef knife',
      quantity: 2,
      unitPrice: eur(2600),
      lineTotal: eur(5200),
      imageUrl: null,
      currentPrice: eur(2600),
      available: 9,
    },
  ],
  total: eur(5200),
  checkoutId: null,
};

const accepted = () =>
  json({ checkoutId: 'chk-1', cartId: 'cart-1', orderId: 'order-1', status: 'CHECKED_OUT' }, 202, {
    Location: '/api/order/orders/order-1',
  });

async function fillAddress(user: UserEvent) {
  await user.type(screen.getByLabelText('Full name'), 'Ada Lovelace');
  await user.type(screen.getByLabelText('Address line 1'), '12 Analytical Row');
  await user.type(screen.getByLabelText('City'), 'London');
  await user.type(screen.getByLabelText('Postal code'), 'N1 9GU');
  await user.selectOptions(screen.getByLabelText('Country'), 'GB');
}

const checkouts = (seen: Seen[]) =>
  seen.filter((r) => r.method === 'POST' && r.path === '/api/cart/checkout');

async function checkoutPage(routes: Parameters<typeof fakeFetch>[0]) {
  await signInForTest();
  const fake = fakeFetch({ 'GET /api/cart': () => json(cart), ...routes });
  const view = renderAt('/checkout', [
    page('/checkout', <CheckoutPage />),
    page('/orders/:orderId', <h1>Order page</h1>),
  ]);
  await screen.findByRole('heading', { name: 'Shipping address' });
  return { ...fake, ...view };
}

describe('checkout', () => {
  it('lists the local test tokens and places one order with an idempotency key', async () => {
    const { seen } = await checkoutPage({ 'POST /api/cart/checkout': accepted });
    const user = userEvent.setup();
    expect(screen.getByRole('radio', { name: /approved/ })).toBeChecked();
    expect(
      screen.getByRole('radio', { name: /declined tok_4000000000000002/ }),
    ).toBeInTheDocument();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByRole('heading', { name: 'Order page' })).toBeInTheDocument();
    const [post] = checkouts(seen);
    expect(post!.body).toEqual({
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '12 Analytical Row',
        city: 'London',
        postalCode: 'N1 9GU',
        country: 'GB',
      },
      paymentMethodToken: 'tok_4242424242424242',
    });
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends one request for a double click', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { seen } = await checkoutPage({
      'POST /api/cart/checkout': async () => {
        await gate;
        return accepted();
      },
    });
    const user = userEvent.setup();
    await fillAddress(user);
    const button = screen.getByRole('button', { name: 'Place order' });
    await user.dblClick(button);
    expect(await screen.findByRole('button', { name: 'Placing your order…' })).toBeDisabled();
    release();
    await screen.findByRole('heading', { name: 'Order page' });
    expect(checkouts(seen)).toHaveLength(1);
  });

  it('retries a lost answer with the same key, so the cart service places one order', async () => {
    let calls = 0;
    const { seen } = await checkoutPage({
      'POST /api/cart/checkout': () => {
        if (++calls === 1) throw new TypeError('Failed to fetch');
        return accepted();
      },
    });
    const user = userEvent.setup();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The shop could not be reached');
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { name: 'Order page' });

    const [first, second] = checkouts(seen);
    expect(second!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'));
  });

  it("puts the cart service's field errors next to their inputs; the corrected form is a new attempt", async () => {
    let calls = 0;
    const { seen } = await checkoutPage({
      'POST /api/cart/checkout': () =>
        ++calls === 1
          ? problem(400, 'shippingAddress.postalCode: is not a postal code of GB', {
              errors: [
                { field: 'shippingAddress.postalCode', message: 'is not a postal code of GB' },
              ],
            })
          : accepted(),
    });
    const user = userEvent.setup();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    const postalCode = screen.getByLabelText('Postal code');
    expect(await screen.findByText('is not a postal code of GB')).toBeInTheDocument();
    expect(postalCode).toHaveAccessibleDescription('is not a postal code of GB');
    expect(postalCode).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'shippingAddress.postalCode: is not a postal code of GB',
    );

    await user.clear(postalCode);
    await user.type(postalCode, 'N1 9GV');
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { name: 'Order page' });
    const [first, second] = checkouts(seen);
    expect(second!.headers.get('Idempotency-Key')).not.toBe(first!.headers.get('Idempotency-Key'));
  });

  it('checks the form before sending it, naming each missing field', async () => {
    const { seen } = await checkoutPage({});
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByText('Enter the name of the recipient.')).toBeInTheDocument();
    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Choose a country.');
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    expect(checkouts(seen)).toHaveLength(0);
  });

  it('can be completed with the keyboard alone', async () => {
    const { seen } = await checkoutPage({ 'POST /api/cart/checkout': accepted });
    const user = userEvent.setup();
    screen.getByLabelText('Full name').focus();
    await user.keyboard('Ada');
    await user.tab();
    await user.keyboard('1 Row');
    await user.tab();
    await user.tab();
    await user.keyboard('London');
    await user.tab();
    await user.keyboard('N1');
    await user.tab();
    expect(screen.getByLabelText('Country')).toHaveFocus();
    await user.selectOptions(screen.getByLabelText('Country'), 'GB');
    await user.tab();
    expect(screen.getByRole('radio', { name: /approved/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Place order' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Order page' });
    expect(checkouts(seen)).toHaveLength(1);
  });
});
