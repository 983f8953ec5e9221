import { queryOptions } from '@tanstack/react-query';
import { api, query, request } from '@/lib/http';
import type { Money } from '@/lib/money';
import { NetworkError, ProblemError } from '@/lib/problem';
import { readEventStream } from '@/lib/sse';

export type OrderStatus = 'PENDING' | 'STOCK_RESERVED' | 'CONFIRMED' | 'CANCELLED';
export type Cancellation = { code: string; message: string };
export type TimelineEntry = {
  status: OrderStatus;
  event: string;
  at: string;
  detail: string | null;
};
export type OrderLine = {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
};

export type OrderAddress = {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  country: string;
};

export type Order = {
  orderId: string;
  checkoutId: string;
  status: OrderStatus;
  cancellation: Cancellation | null;
  lines: OrderLine[];
  total: Money;
  shippingAddress: OrderAddress;
  /** Where the order's notifications go (the account's email at checkout). */
  email: string;
  createdAt: string;
  updatedAt: string;
  /** The single-order read has it; null in lists. */
  timeline: TimelineEntry[] | null;
};

export type StatusChange = {
  orderId: string;
  status: OrderStatus;
  cancellation: Cancellation | null;
  at: string;
};

export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
};

/**
 * The order's short number as shoppers see it: the id's last 8 hex digits (order ids are UUID v7,
 * whose first digits are a timestamp shared by orders placed within the same minute).
 */
export const orderNumber = (orderId: string) => orderId.replace(/-/g, '').slice(-8).toUpperCase();

export const isFinal = (status: OrderStatus) => status === 'CONFIRMED' || status === 'CANCELLED';

export const orderKey = (orderId: string) => ['orders', 'order', orderId] as const;

export const orderQuery = (orderId: string) =>
  queryOptions({
    queryKey: orderKey(orderId),
    queryFn: async ({ signal }) =>
      (
        await api<Order>(`/api/order/orders/${encodeURIComponent(orderId)}`, {
          auth: 'required',
          signal,
        })
      ).data,
  });

export const ordersQuery = (page: number) =>
  queryOptions({
    queryKey: ['orders', 'list', page],
    queryFn: async ({ signal }) =>
      (
        await api<Page<Order>>(`/api/order/orders${query({ page, size: 10 })}`, {
          auth: 'required',
          signal,
        })
      ).data,
    placeholderData: (previous) => previous,
  });

/** An order as it is after a status change pushed by the stream. */
export function applyStatusChange(order: Order, change: StatusChange): Order {
  const timeline = order.timeline ?? [];
  const known = timeline.some((e) => e.status === change.status);
  return {
    ...order,
    status: change.status,
    cancellation: change.cancellation ?? order.cancellation,
    updatedAt: change.at,
    timeline: known
      ? timeline
      : [
          ...timeline,
          {
            status: change.status,
            event: 'live',
            at: change.at,
            detail: change.cancellation?.message ?? null,
          },
        ],
  };
}

export type WatchOptions = {
  signal: AbortSignal;
  onChange: (change: StatusChange) => void;
  onState?: (state: 'connecting' | 'live' | 'waiting' | 'reconnecting') => void;
  /** How long a 404 (the order not placed yet) is waited out. */
  placementWaitMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
};

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Follows an order's status stream (GET .../events, text/event-stream, with the bearer token) until
 * CONFIRMED or CANCELLED. Opened right after checkout, the order may not exist yet: the service
 * waits for it, and a 404 is waited out here too. A dropped stream reconnects (the first event is
 * always the status now); 429 waits Retry-After. Resolves with the final change, or undefined when
 * aborted; rejects on a refusal (401, 403, a 404 past the wait).
 */
export async function watchOrderStatus(
  orderId: string,
  options: WatchOptions,
): Promise<StatusChange | undefined> {
  const { signal, onChange, onState = () => undefined } = options;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const placementDeadline = now() + (options.placementWaitMs ?? 60_000);
  let failures = 0;
  onState('connecting');
  while (!signal.aborted) {
    let response: Response;
    try {
      response = await request(`/api/order/orders/${encodeURIComponent(orderId)}/events`, {
        auth: 'required',
        accept: 'text/event-stream',
        signal,
      });
    } catch (error) {
      if (signal.aborted) return undefined;
      failures++;
      if (error instanceof ProblemError && error.status === 404 && now() < placementDeadline) {
        onState('waiting');
        await sleep(1000, signal);
        continue;
      }
      if (error instanceof ProblemError && error.status === 429) {
        onState('reconnecting');
        await sleep((error.retryAfter ?? 5) * 1000, signal);
        continue;
      }
      if (error instanceof NetworkError || (error instanceof ProblemError && error.status >= 500)) {
        onState('reconnecting');
        await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)), signal);
        continue;
      }
      throw error;
    }
    onState('live');
    let final: StatusChange | undefined;
    // Stops reading at the final status even if the server keeps the stream open.
    const reading = new AbortController();
    const stop = () => reading.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      await readEventStream(
        response,
        (event) => {
          if (event.event !== 'status' || final) return;
          const change = JSON.parse(event.data) as StatusChange;
          failures = 0;
          onChange(change);
          if (isFinal(change.status)) {
            final = change;
            stop();
          }
        },
        reading.signal,
      );
    } catch {
      // the connection dropped mid-stream: reconnect below
    } finally {
      signal.removeEventListener('abort', stop);
    }
    if (final) return final;
    if (signal.aborted) return undefined;
    failures++;
    onState('reconnecting');
    await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)), signal);
  }
  return undefined;
}
