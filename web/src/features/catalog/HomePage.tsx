import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Empty, QueryState } from '@/components/Status';
import { categoriesQuery, productsQuery } from './api';
import { ProductGrid } from './ProductCard';

export function HomePage() {
  const categories = useQuery(categoriesQuery);
  const featured = useQuery(productsQuery({ sort: 'name', size: 8 }));
  return (
    <>
      <h1>Welcome to Emporium</h1>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Shop by category</h2>
        <QueryState query={categories} loading="Loading categories…">
          {(list) =>
            list.length === 0 ? (
              <Empty>No categories yet.</Empty>
            ) : (
              <ul className="categories" role="list">
                {list.map((c) => (
                  <li key={c.slug}>
                    <Link
                      className="card category"
                      to={`/search?category=${encodeURIComponent(c.slug)}`}
                    >
                      <span className="category-name">{c.name}</span>
                      <span className="category-count">{c.productCount} products</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading">Featured products</h2>
        <QueryState query={featured} loading="Loading products…">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>Nothing for sale yet.</Empty>
            ) : (
              <ProductGrid products={page.items} />
            )
          }
        </QueryState>
      </section>
    </>
  );
}
