import { useQuery } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, QueryState } from '@/components/Status';
import { categoriesQuery, productsQuery } from './api';
import { ProductGrid } from './ProductCard';
import { readSearch, SORTS, toApiSearch, writeSearch, type SearchState } from './searchParams';

/** Keyword, category, price range, sort and page: all in the URL. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = readSearch(params);
  const categories = useQuery(categoriesQuery);
  const results = useQuery(productsQuery(toApiSearch(state)));
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setParams(
      writeSearch({
        q: field('q'),
        category: field('category'),
        minPrice: field('minPrice'),
        maxPrice: field('maxPrice'),
        sort: field('sort'),
        page: 1,
      }),
    );
  }

  const pageLink = (page: number) =>
    `/search?${writeSearch({ ...state, page } satisfies SearchState)}`;
  const invalidPrice = (value: string) => value !== '' && !/^\d+(\.\d{1,2})?$/.test(value.trim());

  return (
    <>
      <h1>
        {state.q
          ? `Results for “${state.q}”`
          : (categories.data?.find((c) => c.slug === state.category)?.name ?? 'All products')}
      </h1>
      <form className="filters" role="search" aria-label="Filter products" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>Keywords</label>
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={state.q}
            key={`q-${state.q}`}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select
            id={`${id}-category`}
            name="category"
            defaultValue={state.category}
            key={`c-${state.category}-${categories.data?.length ?? 0}`}
          >
            <option value="">All categories</option>
            {categories.data?.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-min`}>Lowest price (€)</label>
          <input
            id={`${id}-min`}
            name="minPrice"
            inputMode="decimal"
            defaultValue={state.minPrice}
            key={`min-${state.minPrice}`}
            aria-invalid={invalidPrice(state.minPrice) || undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Highest price (€)</label>
          <input
            id={`${id}-max`}
            name="maxPrice"
            inputMode="decimal"
            defaultValue={state.maxPrice}
            key={`max-${state.maxPrice}`}
            aria-invalid={invalidPrice(state.maxPrice) || undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} name="sort" defaultValue={state.sort} key={`s-${state.sort}`}>
            <option value="">{state.q ? 'Best match' : 'Name'}</option>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
      {(invalidPrice(state.minPrice) || invalidPrice(state.maxPrice)) && (
        <p className="alert" role="alert">
          A price filter is not a number (like 25 or 12.50) and was ignored.
        </p>
      )}
      <QueryState query={results} loading="Searching…">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>No products match. Try other words or fewer filters.</p>
              <Link to="/search">Show all products</Link>
            </Empty>
          ) : (
            <section aria-labelledby={`${id}-results`}>
              <h2 id={`${id}-results`} className="results-count" aria-live="polite">
                {page.totalItems} {page.totalItems === 1 ? 'product' : 'products'}
              </h2>
              <ProductGrid products={page.items} />
              {page.totalPages > 1 && (
                <nav className="pagination" aria-label="Pages">
                  {state.page > 1 ? (
                    <Link to={pageLink(state.page - 1)} rel="prev">
                      Previous page
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span>
                    Page {state.page} of {page.totalPages}
                  </span>
                  {state.page < page.totalPages ? (
                    <Link to={pageLink(state.page + 1)} rel="next">
                      Next page
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              )}
            </section>
          )
        }
      </QueryState>
    </>
  );
}
