import { useState } from 'react';
import { Link } from 'react-router';
import { Money } from '@/components/Money';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Empty, Loading } from '@/components/Status';
import { CartLineItem } from './CartLineItem';
import { forgetSkippedLines, reasonText, takeSkippedLines } from './merge';
import { useCart } from './useCart';

export function CartPage() {
  const cart = useCart();
  const [skipped, setSkipped] = useState(takeSkippedLines);

  return (
    <>
      <h1>Your cart</h1>
      {skipped.length > 0 && (
        <div className="alert" role="status">
          <p>Some items from before you signed in could not be added to your account’s cart:</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.sku}>
                {s.name} {reasonText(s.reason)}.
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              forgetSkippedLines();
              setSkipped([]);
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {cart.isPending ? (
        <Loading label="Loading your cart…" />
      ) : cart.error ? (
        <ProblemAlert error={cart.error} onRetry={cart.refetch} />
      ) : cart.lines.length === 0 ? (
        <Empty>
          <p>Your cart is empty.</p>
          <Link to="/search">Start shopping</Link>
        </Empty>
      ) : (
        <div className="cart">
          {cart.status === 'CHECKED_OUT' && (
            <p className="alert" role="status">
              This cart has been checked out and is being ordered.{' '}
              <Link to="/orders">See your orders</Link>
            </p>
          )}
          <ul className="cart-lines" role="list" aria-label="Cart items">
            {cart.lines.map((line) => (
              <CartLineItem
                key={`${line.sku}:${line.quantity}`}
                line={line}
                editable={cart.status === 'OPEN'}
              />
            ))}
          </ul>
          <section className="cart-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <dl>
              <div>
                <dt>Items</dt>
                <dd>{cart.summary.itemCount}</dd>
              </div>
              <div>
                <dt>Total</dt>
                <dd>{cart.summary.total && <Money value={cart.summary.total} />}</dd>
              </div>
            </dl>
            {cart.summary.priceChanges.length > 0 && (
              <p className="notice">
                {cart.summary.priceChanges.length === 1 ? 'One price has' : 'Some prices have'}{' '}
                changed since you added {cart.summary.priceChanges.length === 1 ? 'it' : 'them'};
                the catalog’s price now is shown next to each.
              </p>
            )}
            {cart.summary.unavailable.length > 0 && (
              <p className="warning">
                Some items are not available in the quantity you chose. Reduce or remove them before
                checking out, or the order will be cancelled.
              </p>
            )}
            {cart.status === 'OPEN' &&
              (cart.kind === 'account' ? (
                <Link className="button" to="/checkout">
                  Proceed to checkout
                </Link>
              ) : (
                <Link className="button" to="/sign-in?returnTo=%2Fcheckout">
                  Sign in to check out
                </Link>
              ))}
          </section>
        </div>
      )}
    </>
  );
}
