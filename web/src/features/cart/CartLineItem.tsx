import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Money } from '@/components/Money';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formatMoney } from '@/lib/money';
import { MAX_QUANTITY, type CartLine } from './api';
import { lineNotices, type LineNotice } from './summary';
import { useCartChange } from './useCart';

function noticeText(notice: LineNotice): string {
  switch (notice.kind) {
    case 'price-changed':
      return `Price changed since you added it: was ${formatMoney(notice.was)}, now ${formatMoney(notice.now)}.`;
    case 'unavailable':
      return 'Out of stock now.';
    case 'short':
      return `Only ${notice.available} available now.`;
  }
}

export function CartLineItem({ line, editable }: { line: CartLine; editable: boolean }) {
  const id = useId();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const change = useCartChange();
  const notices = lineNotices(line);

  function update(event: FormEvent) {
    event.preventDefault();
    const value = Number(quantity);
    if (change.isPending || !Number.isInteger(value) || value < 1 || value > MAX_QUANTITY) return;
    change.mutate({ type: 'quantity', sku: line.sku, quantity: value });
  }

  const invalid =
    !/^\d+$/.test(quantity) || Number(quantity) < 1 || Number(quantity) > MAX_QUANTITY;

  return (
    <li className="cart-line" aria-labelledby={`${id}-name`}>
      {line.imageUrl && <img src={line.imageUrl} alt="" width={72} height={72} />}
      <div className="cart-line-main">
        <h2 id={`${id}-name`} className="cart-line-name">
          <Link to={`/products/${encodeURIComponent(line.sku)}`}>{line.name}</Link>
        </h2>
        <p>
          <Money value={line.unitPrice} /> each
        </p>
        {notices.length > 0 && (
          <ul className="line-notices">
            {notices.map((n) => (
              <li key={n.kind} className={n.kind === 'price-changed' ? 'notice' : 'warning'}>
                {noticeText(n)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="cart-line-actions">
        {editable ? (
          <form onSubmit={update} className="quantity-form">
            <label htmlFor={`${id}-qty`}>
              Quantity<span className="visually-hidden"> of {line.name}</span>
            </label>
            <input
              id={`${id}-qty`}
              type="number"
              min={1}
              max={MAX_QUANTITY}
              step={1}
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-qty-error` : undefined}
            />
            {invalid && (
              <p className="field-error" id={`${id}-qty-error`}>
                Enter a whole number from 1 to {MAX_QUANTITY}.
              </p>
            )}
            <button
              type="submit"
              className="button-secondary"
              disabled={change.isPending || invalid}
            >
              Update quantity
            </button>
            <button
              type="button"
              className="button-link"
              disabled={change.isPending}
              onClick={() => change.mutate({ type: 'remove', sku: line.sku })}
              aria-label={`Remove ${line.name}`}
            >
              Remove
            </button>
          </form>
        ) : (
          <p>Quantity: {line.quantity}</p>
        )}
        <p className="line-total">
          <span className="visually-hidden">Line total: </span>
          <Money value={line.lineTotal} />
        </p>
      </div>
      {change.error && <ProblemAlert error={change.error} />}
    </li>
  );
}
