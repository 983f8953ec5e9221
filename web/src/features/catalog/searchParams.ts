import { toMinor } from '@/lib/money';
import type { ProductSearch } from './api';

/** The search page's state, kept in the URL (shareable, survives reload and Back). */
export type SearchState = {
  q: string;
  category: string;
  /** Prices as the shopper typed them, in major units ("25", "12.50"). */
  minPrice: string;
  maxPrice: string;
  sort: string;
  /** 1-based, as shown. */
  page: number;
};

export const SORTS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'name', label: 'Name' },
  { value: 'price', label: 'Price: low to high' },
  { value: '-price', label: 'Price: high to low' },
] as const;

export const PAGE_SIZE = 12;

export function readSearch(params: URLSearchParams): SearchState {
  const page = Number(params.get('page') ?? '1');
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    minPrice: params.get('minPrice') ?? '',
    maxPrice: params.get('maxPrice') ?? '',
    sort: SORTS.some((s) => s.value === sort) ? sort : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** URL parameters of a search state, without defaults (page 1, no sort). */
export function writeSearch(state: Partial<SearchState>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q?.trim()) params.set('q', state.q.trim());
  if (state.category) params.set('category', state.category);
  if (state.minPrice?.trim()) params.set('minPrice', state.minPrice.trim());
  if (state.maxPrice?.trim()) params.set('maxPrice', state.maxPrice.trim());
  if (state.sort) params.set('sort', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The catalog API's parameters: minor units, 0-based pages; a price that is not one is left out. */
export function toApiSearch(state: SearchState): ProductSearch {
  return {
    q: state.q || undefined,
    category: state.category || undefined,
    minPrice: toMinor(state.minPrice),
    maxPrice: toMinor(state.maxPrice),
    sort: state.sort || undefined,
    page: state.page - 1,
    size: PAGE_SIZE,
  };
}
