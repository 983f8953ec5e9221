import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signInForTest } from '@/features/auth/testSession';
import { fakeFetch, json, problem } from '@/test/fakeFetch';
import { page, renderAt } from '@/test/render';
import type { Cart } from './api';
import { CartPage } from './CartPage';
import { addGuestLine, readGuestCart } from './guestCart';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const product = (sku: string, name: string, price: number, available: number) => ({
  sku,
  name,
  description: '',
  category: 'kitchen',
  price: eur(price),
  imageUrl: null,
  attributes: {},
  stock: { onHand: available, reserved: 0, available },
});

/** The catalog's answer to `GET /api/catalog/products?sku=…`. */
const catalogPage = (items: ReturnType<typeof product>[]) => ({
  items,
  page: 0,
  size: items.length,
  totalItems: items.length,
  totalPages: 1,
});

function accountCart(lines: Cart['lines']): Cart {
  return {
    cartId: 'cart-1',
    customerId: 'customer-1',
    status: 'OPEN',
    version: 1,
    lines,
    total: eur(lines.reduce((t, l) => t + l.lineTotal.amountMinor, 0)),
    checkoutId: null,
  };
}

const knife = {
  sku: 'KIT-1',
  name: 'Chef knife',
  quantity: 2,
  unitPrice: eur(2600),
  lineTotal: eur(5200),
  imageUrl: null,
  currentPrice: eur(2900),
  available: 10,
};

describe('the cart page', () => {
  it("shows a guest's lines with totals, a changed price and short stock", async () => {
    addGuestLine({
      sku: 'KIT-1',
      name: 'Chef knife',
      quantity: 2,
      unitPrice: eur(2600),
      imageUrl: null,
    });
    addGuestLine({
      sku: 'AUD-2',
      name: 'Speaker',
      quantity: 3,
      unitPrice: eur(10000),
      imageUrl: null,
    });
    fakeFetch({
      'GET /api/catalog/products': (request) => {
        const skus = new URL(request.url, 'http://shop.test').searchParams.getAll('sku');
        expect(skus).toEqual(['KIT-1', 'AUD-2']);
        return json(
          catalogPage([
            product('KIT-1', 'Chef knife', 2900, 10),
            product('AUD-2', 'Speaker', 10000, 1),
          ]),
        );
      },
    });
    renderAt('/cart', [page('/cart', <CartPage />)]);

    const items = screen.getByRole('list', { name: 'Cart items' });
    expect(within(items).getAllByRole('listitem', { name: /Chef knife|Speaker/ })).toHaveLength(2);
    expect(
      await screen.findByText(/Price changed since you added it: was €26.00, now €29.00/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Only 1 available now.')).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent('Items5');
    expect(summary).toHaveTextContent('Total€352.00');
    expect(screen.getByRole('link', { name: 'Sign in to check out' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Fcheckout',
    );
  });

  it("changes a guest line's quantity and removes a line", async () => {
    addGuestLine({
      sku: 'KIT-1',
      name: 'Chef knife',
      quantity: 1,
      unitPrice: eur(2600),
      imageUrl: null,
    });
    addGuestLine({
      sku: 'AUD-2',
      name: 'Speaker',
      quantity: 1,
      unitPrice: eur(10000),
      imageUrl: null,
    });
    fakeFetch({
      'GET /api/catalog/products': () =>
        json(
          catalogPage([
            product('KIT-1', 'Chef knife', 2600, 9),
            product('AUD-2', 'Speaker', 10000, 9),
          ]),
        ),
    });
    renderAt('/cart', [page('/cart', <CartPage />)]);
    const user = userEvent.setup();

    const quantity = screen.getByLabelText('Quantity of Chef knife');
    await user.clear(quantity);
    await user.type(quantity, '4');
    const knifeLine = screen.getByRole('listitem', { name: 'Chef knife' });
    await user.click(within(knifeLine).getByRole('button', { name: 'Update quantity' }));
    expect(readGuestCart().lines.find((l) => l.sku === 'KIT-1')?.quantity).toBe(4);

    await user.click(screen.getByRole('button', { name: 'Remove Speaker' }));
    expect(screen.queryByRole('listitem', { name: 'Speaker' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('Total€104.00');
  });

  it('refuses a quantity that is not a whole number from 1 to 99, saying why', async () => {
    addGuestLine({
      sku: 'KIT-1',
      name: 'Chef knife',
      quantity: 1,
      unitPrice: eur(2600),
      imageUrl: null,
    });
    fakeFetch({
      'GET /api/catalog/products': () =>
        json(catalogPage([product('KIT-1', 'Chef knife', 2600, 9)])),
    });
    renderAt('/cart', [page('/cart', <CartPage />)]);
    const user = userEvent.setup();
    const quantity = screen.getByLabelText('Quantity of Chef knife');
    await user.clear(quantity);
    await user.type(quantity, '100');
    expect(quantity).toHaveAccessibleDescription('Enter a whole number from 1 to 99.');
    expect(screen.getByRole('button', { name: 'Update quantity' })).toBeDisabled();
  });

  it("edits a signed-in shopper's cart on the server and shows its answer", async () => {
    await signInForTest();
    const { seen } = fakeFetch({
      'GET /api/cart': () => json(accountCart([knife])),
      'PUT /api/cart/items/KIT-1': () =>
        json(accountCart([{ ...knife, quantity: 3, lineTotal: eur(7800) }]), 200, { ETag: '"2"' }),
    });
    renderAt('/cart', [page('/cart', <CartPage />)]);
    const user = userEvent.setup();

    const quantity = await screen.findByLabelText('Quantity of Chef knife');
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(screen.getByRole('button', { name: 'Update quantity' }));

    expect(
      await screen.findByText('€78.00', { selector: '.cart-summary dd *' }),
    ).toBeInTheDocument();
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({ quantity: 3 });
    expect(put.headers.get('Authorization')).toMatch(/^Bearer /);
    expect(screen.getByRole('link', { name: 'Proceed to checkout' })).toHaveAttribute(
      'href',
      '/checkout',
    );
  });

  it('shows a refused change in words, on the line it concerns', async () => {
    await signInForTest();
    fakeFetch({
      'GET /api/cart': () => json(accountCart([knife])),
      'PUT /api/cart/items/KIT-1': () =>
        problem(409, 'Only 10 Chef knife are available.', {
          type: 'https://emporium.io/problems/insufficient-stock',
          available: 10,
        }),
    });
    renderAt('/cart', [page('/cart', <CartPage />)]);
    const user = userEvent.setup();
    const quantity = await screen.findByLabelText('Quantity of Chef knife');
    await user.clear(quantity);
    await user.type(quantity, '50');
    await user.click(screen.getByRole('button', { name: 'Update quantity' }));

    const line = screen.getByRole('listitem', { name: 'Chef knife' });
    expect(await within(line).findByRole('alert')).toHaveTextContent(
      'Only 10 Chef knife are available.',
    );
  });

  it('says so when the cart is empty, and when the cart cannot be loaded', async () => {
    await signInForTest();
    fakeFetch({ 'GET /api/cart': () => problem(503, 'cart is not reachable') });
    renderAt('/cart', [page('/cart', <CartPage />)]);
    expect(await screen.findByRole('alert')).toHaveTextContent('cart is not reachable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('invites a guest with an empty cart to shop', () => {
    fakeFetch({});
    renderAt('/cart', [page('/cart', <CartPage />)]);
    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start shopping' })).toBeInTheDocument();
  });
});
