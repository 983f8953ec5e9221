import { queryOptions } from '@tanstack/react-query';
import { api, query } from '@/lib/http';
import type { Money } from '@/lib/money';

export type Category = { slug: string; name: string; description: string; productCount: number };

export type Stock = { onHand: number; reserved: number; available: number };

export type Product = {
  sku: string;
  name: string;
  description: string;
  category: string;
  price: Money;
  imageUrl: string | null;
  attributes: Record<string, unknown>;
  stock: Stock;
};

export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
};

export type ProductSearch = {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  sort?: string;
  page?: number;
  size?: number;
};

// Query keys as data: ['catalog', what, parameters].
export const categoriesQuery = queryOptions({
  queryKey: ['catalog', 'categories'],
  queryFn: async ({ signal }) =>
    (await api<Category[]>('/api/catalog/categories', { signal })).data,
  staleTime: 5 * 60_000,
});

export const productsQuery = (search: ProductSearch) =>
  queryOptions({
    queryKey: ['catalog', 'products', search],
    queryFn: async ({ signal }) =>
      (await api<Page<Product>>(`/api/catalog/products${query(search)}`, { signal })).data,
    placeholderData: (previous) => previous,
  });

/**
 * The products of `skus` in one request (`?sku=` repeated; a guest cart's lines), by sku; a sku the
 * catalog does not sell is absent.
 */
export const productsBySkuQuery = (skus: string[]) =>
  queryOptions({
    queryKey: ['catalog', 'products', 'by-sku', [...skus].sort()] as const,
    queryFn: async ({ signal }) => {
      const search = new URLSearchParams(skus.map((sku) => ['sku', sku]));
      search.set('size', String(Math.min(100, Math.max(1, skus.length))));
      const { data } = await api<Page<Product>>(`/api/catalog/products?${search}`, { signal });
      return Object.fromEntries(data.items.map((p) => [p.sku, p])) as Record<string, Product>;
    },
  });

export const productQuery = (sku: string) =>
  queryOptions({
    queryKey: ['catalog', 'product', sku],
    queryFn: async ({ signal }) =>
      (await api<Product>(`/api/catalog/products/${encodeURIComponent(sku)}`, { signal })).data,
  });
