import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Money } from '@/components/Money';
import { Empty, QueryState } from '@/components/Status';
import { orderNumber, ordersQuery } from './api';
import { STATUS_LABELS } from './OrderTimeline';

export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orders = useQuery(ordersQuery(page - 1));
  return (
    <>
      <h1>Your orders</h1>
      <QueryState query={orders} loading="Loading your orders…">
        {(list) =>
          list.items.length === 0 ? (
            <Empty>
              <p>You have no orders yet.</p>
              <Link to="/search">Start shopping</Link>
            </Empty>
          ) : (
            <>
              <table className="orders">
                <caption className="visually-hidden">Your orders, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Placed</th>
                    <th scope="col">Status</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((o) => (
                    <tr key={o.orderId}>
                      <th scope="row">
                        <Link to={`/orders/${encodeURIComponent(o.orderId)}`}>
                          Order {orderNumber(o.orderId)}
                        </Link>
                      </th>
                      <td>{new Date(o.createdAt).toLocaleDateString()}</td>
                      <td>{STATUS_LABELS[o.status]}</td>
                      <td>
                        <Money value={o.total} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {list.totalPages > 1 && (
                <nav className="pagination" aria-label="Pages">
                  <button
                    type="button"
                    disabled={page <= 1}
                    onClick={() => setParams({ page: String(page - 1) })}
                  >
                    Previous page
                  </button>
                  <span>
                    Page {page} of {list.totalPages}
                  </span>
                  <button
                    type="button"
                    disabled={page >= list.totalPages}
                    onClick={() => setParams({ page: String(page + 1) })}
                  >
                    Next page
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
