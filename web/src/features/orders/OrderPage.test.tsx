import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signInForTest } from '@/features/auth/testSession';
import { eventStream, fakeFetch, json, problem } from '@/test/fakeFetch';
import { page, renderAt } from '@/test/render';
import type { Order } from './api';
import { OrderPage } from './OrderPage';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const order = (status: Order['status'], extra: Partial<Order> = {}): Order => ({
  orderId: 'order-1',
  checkoutId: 'chk-1',
  status,
  cancellation: null,
  lines: [
    { sku: 'KIT-1', name: 'Chef knife', quantity: 2, unitPrice: eur(2600), lineTotal: eur(5200) },
  ],
  total: eur(5200),
  shippingAddress: {
    name: 'Ada',
    line1: '1 Row',
    line2: null,
    city: 'London',
    postalCode: 'N1',
    country: 'GB',
  },
  email: 'ada@example.com',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  timeline: [{ status: 'PENDING', event: 'OrderPlaced', at: '2026-12-01T10:00:00Z', detail: null }],
  ...extra,
});
const event = (status: Order['status'], cancellation: Order['cancellation'] = null) =>
  `event: status\ndata: ${JSON.stringify({ orderId: 'order-1', status, cancellation, at: '2026-12-01T10:00:02Z' })}\n\n`;

describe('the order page', () => {
  it('shows the status arriving live, from an order that did not exist yet to CONFIRMED', async () => {
    await signInForTest();
    const stream = eventStream();
    let gets = 0;
    fakeFetch({
      'GET /api/order/orders/order-1': () =>
        ++gets === 1
          ? problem(404, 'No order order-1')
          : json(order(gets > 2 ? 'CONFIRMED' : 'PENDING')),
      'GET /api/order/orders/order-1/events': () => stream.response,
    });
    renderAt('/orders/order-1', [page('/orders/:orderId', <OrderPage />)]);

    expect(screen.getByText('Status: being placed')).toHaveAttribute('aria-live', 'polite');
    stream.send(event('PENDING'));
    expect(await screen.findByText('Status: Placed')).toBeInTheDocument();
    stream.send(event('STOCK_RESERVED'));
    expect(await screen.findByText('Status: Stock reserved')).toBeInTheDocument();
    stream.send(event('CONFIRMED'));
    expect(await screen.findByText('Status: Confirmed')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Thank you! Your order is confirmed; we sent the details to ada@example.com/,
        undefined,
        { timeout: 4000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Order progress' })).toHaveTextContent('Confirmed');
  });

  it('shows why an order was cancelled and sends the shopper back to the cart', async () => {
    await signInForTest();
    const cancellation = {
      code: 'PAYMENT_DECLINED',
      message: 'Your card was declined. No money was taken.',
    };
    fakeFetch({
      'GET /api/order/orders/order-1': () =>
        json(
          order('CANCELLED', {
            cancellation,
            timeline: [
              { status: 'PENDING', event: 'OrderPlaced', at: '2026-12-01T10:00:00Z', detail: null },
              {
                status: 'CANCELLED',
                event: 'OrderCancelled',
                at: '2026-12-01T10:00:03Z',
                detail: cancellation.message,
              },
            ],
          }),
        ),
    });
    renderAt('/orders/order-1', [page('/orders/:orderId', <OrderPage />)]);
    expect(await screen.findByText('Status: Cancelled')).toBeInTheDocument();
    expect(screen.getByText(/Your card was declined. No money was taken./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your cart' })).toHaveAttribute(
      'href',
      '/cart',
    );
  });
});
