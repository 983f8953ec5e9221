import { afterEach, describe, expect, it } from 'vitest';
import { endSession } from '@/features/auth/session';
import { signInForTest } from '@/features/auth/testSession';
import { setTokenSource } from '@/lib/http';
import { tokenSource } from '@/features/auth/session';
import { eventStream, fakeFetch, problem } from '@/test/fakeFetch';
import { applyStatusChange, watchOrderStatus, type Order, type StatusChange } from './api';

const noSleep = async () => undefined;
const change = (
  status: StatusChange['status'],
  cancellation: StatusChange['cancellation'] = null,
) =>
  `event: status\ndata: ${JSON.stringify({ orderId: 'o-1', status, cancellation, at: '2026-12-01T10:00:00Z' })}\n\n`;

describe('watchOrderStatus', () => {
  afterEach(() => endSession());

  it('waits out the 404 of an order not placed yet, then follows the stream to CONFIRMED', async () => {
    await signInForTest();
    setTokenSource(tokenSource);
    const stream = eventStream();
    let calls = 0;
    const { seen } = fakeFetch({
      'GET /api/order/orders/o-1/events': () =>
        ++calls < 3 ? problem(404, 'No order o-1') : stream.response,
    });
    const statuses: string[] = [];
    const states: string[] = [];
    const watching = watchOrderStatus('o-1', {
      signal: new AbortController().signal,
      onChange: (c) => statuses.push(c.status),
      onState: (s) => states.push(s),
      sleep: noSleep,
    });
    await new Promise((r) => setTimeout(r, 20));
    stream.send(change('PENDING'));
    stream.send(change('STOCK_RESERVED'));
    stream.send(change('CONFIRMED'));
    const final = await watching;
    expect(final?.status).toBe('CONFIRMED');
    expect(statuses).toEqual(['PENDING', 'STOCK_RESERVED', 'CONFIRMED']);
    expect(states).toContain('waiting');
    expect(seen.every((r) => r.headers.get('Authorization')?.startsWith('Bearer '))).toBe(true);
    expect(seen[0]!.headers.get('Accept')).toBe('text/event-stream');
  });

  it('reconnects when the stream ends before a final status', async () => {
    await signInForTest();
    setTokenSource(tokenSource);
    const first = eventStream();
    const second = eventStream();
    const streams = [first, second];
    fakeFetch({ 'GET /api/order/orders/o-1/events': () => streams.shift()!.response });
    const statuses: string[] = [];
    const watching = watchOrderStatus('o-1', {
      signal: new AbortController().signal,
      onChange: (c) => statuses.push(c.status),
      sleep: noSleep,
    });
    first.send(change('PENDING'));
    first.close();
    await new Promise((r) => setTimeout(r, 20));
    second.send(
      change('CANCELLED', { code: 'PAYMENT_DECLINED', message: 'Your card was declined.' }),
    );
    const final = await watching;
    expect(statuses).toEqual(['PENDING', 'CANCELLED']);
    expect(final?.cancellation?.message).toBe('Your card was declined.');
  });

  it('gives up on a refusal such as 403', async () => {
    await signInForTest();
    setTokenSource(tokenSource);
    fakeFetch({ 'GET /api/order/orders/o-1/events': () => problem(403, 'Not your order') });
    await expect(
      watchOrderStatus('o-1', {
        signal: new AbortController().signal,
        onChange: () => undefined,
        sleep: noSleep,
      }),
    ).rejects.toThrow('Not your order');
  });

  it('stops waiting for a placement after the wait is over', async () => {
    await signInForTest();
    setTokenSource(tokenSource);
    let now = 0;
    fakeFetch({
      'GET /api/order/orders/o-1/events': () => {
        now += 20_000;
        return problem(404, 'No order o-1');
      },
    });
    await expect(
      watchOrderStatus('o-1', {
        signal: new AbortController().signal,
        onChange: () => undefined,
        sleep: noSleep,
        now: () => now,
        placementWaitMs: 60_000,
      }),
    ).rejects.toThrow('No order o-1');
  });
});

describe('applyStatusChange', () => {
  const order: Order = {
    orderId: 'o-1',
    checkoutId: 'c-1',
    status: 'PENDING',
    cancellation: null,
    lines: [],
    total: { amountMinor: 100, currency: 'EUR' },
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '12 Analytical Row',
      line2: null,
      city: 'London',
      postalCode: 'N1 9GU',
      country: 'GB',
    },
    email: 'ada@example.com',
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    timeline: [
      { status: 'PENDING', event: 'OrderPlaced', at: '2026-12-01T10:00:00Z', detail: null },
    ],
  };

  it('moves the status on and adds the step to the timeline once', () => {
    const next = applyStatusChange(order, {
      orderId: 'o-1',
      status: 'CONFIRMED',
      cancellation: null,
      at: 't2',
    });
    expect(next.status).toBe('CONFIRMED');
    expect(next.timeline?.map((e) => e.status)).toEqual(['PENDING', 'CONFIRMED']);
    const again = applyStatusChange(next, {
      orderId: 'o-1',
      status: 'CONFIRMED',
      cancellation: null,
      at: 't3',
    });
    expect(again.timeline).toHaveLength(2);
  });
});
