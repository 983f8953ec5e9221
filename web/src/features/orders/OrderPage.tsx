import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Money } from '@/components/Money';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loading } from '@/components/Status';
import { ProblemError } from '@/lib/problem';
import { applyStatusChange, orderNumber, orderQuery, type Order } from './api';
import { OrderTimeline, STATUS_LABELS } from './OrderTimeline';
import { useOrderStatus, type StreamState } from './useOrderStatus';

const STREAM_TEXT: Record<StreamState, string> = {
  connecting: 'Connecting for live updates…',
  waiting: 'Placing your order…',
  live: 'Live: this page updates by itself.',
  reconnecting: 'Connection lost; reconnecting…',
  done: '',
  failed: 'Live updates stopped. Reload the page to see the latest status.',
};

const notYetPlaced = (error: unknown) => error instanceof ProblemError && error.status === 404;

export function OrderPage() {
  const { orderId = '' } = useParams();
  const order = useQuery({
    ...orderQuery(orderId),
    // Right after checkout the order service has not placed the order yet: 404 for a second or so.
    retry: (count, error) =>
      notYetPlaced(error) ? count < 20 : count < 2 && !(error instanceof ProblemError),
    retryDelay: 1500,
  });
  const stream = useOrderStatus(orderId, order.data?.status);
  // The stream may be ahead of a read that was answered before the last change.
  const last = stream.last;
  const shown =
    order.data && last && Date.parse(last.at) > Date.parse(order.data.updatedAt)
      ? applyStatusChange(order.data, last)
      : order.data;
  const status = shown?.status ?? last?.status;

  return (
    <>
      <h1>Order {orderNumber(orderId)}</h1>
      <p className="live-status" role="status" aria-live="polite" aria-atomic="true">
        {status ? `Status: ${STATUS_LABELS[status]}` : 'Status: being placed'}
      </p>
      {STREAM_TEXT[stream.state] && <p className="hint">{STREAM_TEXT[stream.state]}</p>}
      {shown ? (
        <OrderDetails order={shown} />
      ) : order.error && !(notYetPlaced(order.error) && order.isFetching) ? (
        notYetPlaced(order.error) ? (
          <>
            <p>We could not find this order. It may belong to another account.</p>
            <Link to="/orders">Your orders</Link>
          </>
        ) : (
          <ProblemAlert error={order.error} onRetry={() => void order.refetch()} />
        )
      ) : (
        <Loading label="Loading your order…" />
      )}
    </>
  );
}

function OrderDetails({ order }: { order: Order }) {
  const address = order.shippingAddress;
  return (
    <>
      <OrderTimeline order={order} />
      {order.status === 'CANCELLED' && (
        <div className="alert alert-error">
          <p>
            <strong>This order was cancelled.</strong>{' '}
            {order.cancellation?.message ?? 'It could not be completed.'}
          </p>
          <p>
            Your items are back in your cart. <Link to="/cart">Back to your cart</Link>
          </p>
        </div>
      )}
      {order.status === 'CONFIRMED' && (
        <p className="notice">
          Thank you! Your order is confirmed; we sent the details to {order.email}.
        </p>
      )}
      <section aria-labelledby="order-items">
        <h2 id="order-items">Items</h2>
        <ul role="list" className="order-lines">
          {order.lines.map((l) => (
            <li key={l.sku}>
              {l.quantity} × {l.name} — <Money value={l.lineTotal} />
            </li>
          ))}
        </ul>
        <p>
          Total:{' '}
          <strong>
            <Money value={order.total} />
          </strong>
        </p>
      </section>
      <section aria-labelledby="order-address">
        <h2 id="order-address">Shipping to</h2>
        <address>
          {[
            address.name,
            address.line1,
            address.line2,
            `${address.postalCode} ${address.city}`,
            address.country,
          ]
            .filter(Boolean)
            .map((line, i) => (
              <span key={i}>
                {line}
                <br />
              </span>
            ))}
        </address>
      </section>
      <p>
        <Link to="/orders">All your orders</Link>
      </p>
    </>
  );
}
