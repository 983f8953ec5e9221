import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Empty, QueryState } from '@/components/Status';
import { notificationsQuery } from './api';

export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const inbox = useQuery(notificationsQuery(page - 1));
  return (
    <>
      <h1>Inbox</h1>
      <p className="hint">The emails the shop sent you about your orders.</p>
      <QueryState query={inbox} loading="Loading your messages…">
        {(list) =>
          list.items.length === 0 ? (
            <Empty>No messages yet. You get one when an order is confirmed or cancelled.</Empty>
          ) : (
            <>
              <ul className="inbox" role="list">
                {list.items.map((n) => (
                  <li key={n.notificationId} className="card">
                    <h2 className="inbox-subject">{n.subject}</h2>
                    <p>
                      <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time> ·
                      to {n.recipient} · {n.status.toLowerCase()}
                    </p>
                    <Link to={`/orders/${encodeURIComponent(n.orderId)}`}>See the order</Link>
                  </li>
                ))}
              </ul>
              {list.totalPages > 1 && (
                <nav className="pagination" aria-label="Pages">
                  <button
                    type="button"
                    disabled={page <= 1}
                    onClick={() => setParams({ page: String(page - 1) })}
                  >
                    Newer
                  </button>
                  <span>
                    Page {page} of {list.totalPages}
                  </span>
                  <button
                    type="button"
                    disabled={page >= list.totalPages}
                    onClick={() => setParams({ page: String(page + 1) })}
                  >
                    Older
                  </button>
                </nav>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}
