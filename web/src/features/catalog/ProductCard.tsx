import { Link } from 'react-router';
import { Money } from '@/components/Money';
import type { Product } from './api';

export function availabilityText(available: number): string {
  if (available <= 0) return 'Out of stock';
  if (available <= 5) return `Only ${available} left`;
  return 'In stock';
}

export function ProductCard({ product }: { product: Product }) {
  return (
    <article className="card product-card">
      {product.imageUrl && (
        <img src={product.imageUrl} alt="" width={160} height={160} loading="lazy" />
      )}
      <h3>
        <Link to={`/products/${encodeURIComponent(product.sku)}`}>{product.name}</Link>
      </h3>
      <p className="price">
        <Money value={product.price} />
      </p>
      <p className="availability">{availabilityText(product.stock.available)}</p>
    </article>
  );
}

export function ProductGrid({ products }: { products: Product[] }) {
  return (
    <ul className="grid" role="list">
      {products.map((p) => (
        <li key={p.sku}>
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  );
}
