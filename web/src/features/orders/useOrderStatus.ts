import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  applyStatusChange,
  isFinal,
  orderKey,
  watchOrderStatus,
  type Order,
  type StatusChange,
} from './api';

export type StreamState = 'connecting' | 'live' | 'waiting' | 'reconnecting' | 'done' | 'failed';

/**
 * Keeps the cached order up to date from its status stream while the page is open; when the order
 * is final, refetches it once (for the whole timeline) and, after a cancellation, the cart (which
 * the cart service reopens with its lines).
 */
export function useOrderStatus(orderId: string, initialStatus: Order['status'] | undefined) {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const [last, setLast] = useState<StatusChange | null>(null);
  const alreadyFinal = initialStatus !== undefined && isFinal(initialStatus);

  useEffect(() => {
    if (alreadyFinal) {
      setState('done');
      return;
    }
    const controller = new AbortController();
    watchOrderStatus(orderId, {
      signal: controller.signal,
      onState: setState,
      onChange: (change) => {
        setLast(change);
        client.setQueryData<Order>(orderKey(orderId), (order) =>
          order ? applyStatusChange(order, change) : order,
        );
        if (!client.getQueryData(orderKey(orderId))) {
          void client.invalidateQueries({ queryKey: orderKey(orderId) });
        }
      },
    })
      .then((final) => {
        if (!final) return;
        setState('done');
        void client.invalidateQueries({ queryKey: orderKey(orderId) });
        void client.invalidateQueries({ queryKey: ['orders', 'list'] });
        void client.invalidateQueries({ queryKey: ['cart'] });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState('failed');
      });
    return () => controller.abort();
  }, [orderId, alreadyFinal, client]);

  return { state, last };
}
