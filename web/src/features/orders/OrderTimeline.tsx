import type { Order, OrderStatus, TimelineEntry } from './api';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: 'Placed',
  STOCK_RESERVED: 'Stock reserved',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
};

const STEPS: OrderStatus[] = ['PENDING', 'STOCK_RESERVED', 'CONFIRMED'];

const time = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

type Step = { status: OrderStatus; state: 'done' | 'current' | 'upcoming'; entry?: TimelineEntry };

/** The steps an order goes through, which it has reached, and when. */
export function stepsOf(order: Pick<Order, 'status' | 'timeline'>): Step[] {
  const entries = order.timeline ?? [];
  const entryOf = (status: OrderStatus) => entries.find((e) => e.status === status);
  if (order.status === 'CANCELLED') {
    const reached = STEPS.filter((s) => s !== 'CONFIRMED' && entryOf(s));
    return [
      ...reached.map((status) => ({ status, state: 'done' as const, entry: entryOf(status) })),
      { status: 'CANCELLED', state: 'current', entry: entryOf('CANCELLED') },
    ];
  }
  const current = STEPS.indexOf(order.status);
  return STEPS.map((status, i) => ({
    status,
    state:
      i < current || order.status === 'CONFIRMED' ? 'done' : i === current ? 'current' : 'upcoming',
    entry: entryOf(status),
  }));
}

export function OrderTimeline({ order }: { order: Pick<Order, 'status' | 'timeline'> }) {
  return (
    <ol className="timeline" aria-label="Order progress">
      {stepsOf(order).map((step) => (
        <li
          key={step.status}
          className={`step step-${step.state} step-${step.status.toLowerCase()}`}
        >
          <span className="step-label">
            {STATUS_LABELS[step.status]}
            {step.state === 'upcoming' && <span className="visually-hidden"> (not yet)</span>}
            {step.state === 'current' && step.status !== 'CANCELLED' && (
              <span className="visually-hidden"> (current)</span>
            )}
          </span>
          {step.entry && (
            <time className="step-time" dateTime={step.entry.at}>
              {time(step.entry.at)}
            </time>
          )}
        </li>
      ))}
    </ol>
  );
}
