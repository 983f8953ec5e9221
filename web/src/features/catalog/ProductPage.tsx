import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Money } from '@/components/Money';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loading } from '@/components/Status';
import { ProblemError } from '@/lib/problem';
import { AddToCart } from '@/features/cart/AddToCart';
import { productQuery } from './api';
import { availabilityText } from './ProductCard';

function label(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ProductPage() {
  const { sku = '' } = useParams();
  const product = useQuery(productQuery(sku));

  if (product.isPending) return <Loading label="Loading the product…" />;
  if (product.error) {
    if (product.error instanceof ProblemError && product.error.status === 404) {
      return (
        <>
          <h1>Product not found</h1>
          <p>There is no product “{sku}”. It may no longer be sold.</p>
          <Link to="/search">Browse all products</Link>
        </>
      );
    }
    return <ProblemAlert error={product.error} onRetry={() => void product.refetch()} />;
  }
  const p = product.data;
  return (
    <article className="product">
      {p.imageUrl && (
        <img className="product-image" src={p.imageUrl} alt={p.name} width={320} height={320} />
      )}
      <div className="product-info">
        <h1>{p.name}</h1>
        <p className="price">
          <Money value={p.price} />
        </p>
        <p className="availability">{availabilityText(p.stock.available)}</p>
        <AddToCart product={p} />
        <h2>Description</h2>
        <p>{p.description}</p>
        {Object.keys(p.attributes).length > 0 && (
          <>
            <h2>Details</h2>
            <dl className="attributes">
              {Object.entries(p.attributes).map(([key, value]) => (
                <div key={key}>
                  <dt>{label(key)}</dt>
                  <dd>{typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <p>
          <Link to={`/search?category=${encodeURIComponent(p.category)}`}>
            More in this category
          </Link>
        </p>
      </div>
    </article>
  );
}
