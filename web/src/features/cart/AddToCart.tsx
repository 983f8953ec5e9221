import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Product } from '@/features/catalog/api';
import { MAX_QUANTITY } from './api';
import { useCartChange } from './useCart';

export function AddToCart({ product }: { product: Product }) {
  const id = useId();
  const [quantity, setQuantity] = useState(1);
  const change = useCartChange();
  const max = Math.max(1, Math.min(MAX_QUANTITY, product.stock.available));
  const soldOut = product.stock.available <= 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending) return;
    change.mutate({ type: 'add', product, quantity });
  }

  return (
    <form className="add-to-cart" onSubmit={submit} aria-label="Add to cart">
      <div className="field">
        <label htmlFor={`${id}-qty`}>Quantity</label>
        <input
          id={`${id}-qty`}
          type="number"
          min={1}
          max={max}
          step={1}
          value={quantity}
          disabled={soldOut}
          onChange={(e) =>
            setQuantity(Math.max(1, Math.min(max, Math.trunc(Number(e.target.value)) || 1)))
          }
        />
      </div>
      <button type="submit" disabled={soldOut || change.isPending}>
        {change.isPending ? 'Adding…' : 'Add to cart'}
      </button>
      <div aria-live="polite">
        {change.isSuccess && (
          <p className="notice">
            Added to your cart. <Link to="/cart">View cart</Link>
          </p>
        )}
      </div>
      {change.error && <ProblemAlert error={change.error} />}
    </form>
  );
}
