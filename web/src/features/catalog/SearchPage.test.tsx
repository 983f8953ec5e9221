import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json } from '@/test/fakeFetch';
import { page, renderAt } from '@/test/render';
import { readSearch, toApiSearch, writeSearch } from './searchParams';
import { SearchPage } from './SearchPage';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const products = (n: number, totalItems = n) => ({
  items: Array.from({ length: n }, (_, i) => ({
    sku: `KIT-${i}`,
    name: `Knife ${i}`,
    description: '',
    category: 'kitchen',
    price: eur(1000 + i),
    imageUrl: null,
    attributes: {},
    stock: { onHand: 5, reserved: 0, available: 5 },
  })),
  page: 0,
  size: 12,
  totalItems,
  totalPages: Math.ceil(totalItems / 12),
});

describe('search state in the URL', () => {
  it('round-trips and leaves defaults out', () => {
    const state = readSearch(
      new URLSearchParams('q=lamp&category=home&minPrice=10&maxPrice=25.5&sort=-price&page=3'),
    );
    expect(writeSearch(state).toString()).toBe(
      'q=lamp&category=home&minPrice=10&maxPrice=25.5&sort=-price&page=3',
    );
    expect(writeSearch(readSearch(new URLSearchParams('page=1&sort=bogus'))).toString()).toBe('');
  });

  it('asks the API in minor units and 0-based pages, leaving out prices that are not numbers', () => {
    const state = readSearch(new URLSearchParams('minPrice=12.50&maxPrice=abc&page=2'));
    expect(toApiSearch(state)).toEqual({
      q: undefined,
      category: undefined,
      minPrice: 1250,
      maxPrice: undefined,
      sort: undefined,
      page: 1,
      size: 12,
    });
  });
});

describe('the search page', () => {
  it('searches with the filters from the URL and pages through results', async () => {
    const { seen } = fakeFetch({
      'GET /api/catalog/categories': () =>
        json([{ slug: 'kitchen', name: 'Kitchen', description: '', productCount: 30 }]),
      'GET /api/catalog/products': () => json(products(12, 30)),
    });
    const { router } = renderAt('/search?q=knife&category=kitchen&maxPrice=20', [
      page('/search', <SearchPage />),
    ]);
    expect(await screen.findByRole('heading', { name: '30 products' })).toBeInTheDocument();
    const call = seen.find((r) => r.path === '/api/catalog/products')!;
    expect(new URL(call.url, 'http://x').searchParams.toString()).toBe(
      'q=knife&category=kitchen&maxPrice=2000&page=0&size=12',
    );

    await userEvent.click(screen.getByRole('link', { name: 'Next page' }));
    expect(router.state.location.search).toBe('?q=knife&category=kitchen&maxPrice=20&page=2');
  });

  it('applies the filter form to the URL, back on page 1', async () => {
    fakeFetch({
      'GET /api/catalog/categories': () =>
        json([{ slug: 'kitchen', name: 'Kitchen', description: '', productCount: 3 }]),
      'GET /api/catalog/products': () => json(products(0)),
    });
    const { router } = renderAt('/search?page=3', [page('/search', <SearchPage />)]);
    const user = userEvent.setup();
    expect(
      await screen.findByText('No products match. Try other words or fewer filters.'),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Keywords'), 'pan');
    await screen.findByRole('option', { name: 'Kitchen' });
    await user.selectOptions(screen.getByLabelText('Category'), 'kitchen');
    await user.type(screen.getByLabelText('Lowest price (€)'), '5');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'price');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(router.state.location.search).toBe('?q=pan&category=kitchen&minPrice=5&sort=price');
  });
});
