import { useSyncExternalStore } from 'react';
import type { Money } from '@/lib/money';
import { MAX_QUANTITY } from './api';

/**
 * A guest's cart, in this browser only (localStorage), until sign-in merges it into the account's
 * cart. Each line keeps what the product looked like when added, to show the cart without the
 * catalog and to tell a price change.
 */
export type GuestLine = {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  imageUrl: string | null;
};

export type GuestCart = { guestCartId: string; lines: GuestLine[] };

const KEY = 'emporium.guestCart';
const listeners = new Set<() => void>();
let cached: { raw: string; cart: GuestCart } | null = null;

function newCart(): GuestCart {
  return { guestCartId: crypto.randomUUID(), lines: [] };
}

function parse(raw: string | null): GuestCart | null {
  try {
    const stored = JSON.parse(raw ?? 'null') as GuestCart | null;
    return stored?.guestCartId && Array.isArray(stored.lines) ? stored : null;
  } catch {
    return null;
  }
}

/** The guest cart as stored (the same object while it is unchanged: a stable snapshot for React). */
export function readGuestCart(): GuestCart {
  const raw = localStorage.getItem(KEY);
  if (cached && raw === cached.raw) return cached.cart;
  const cart = parse(raw);
  if (!cart) return write(newCart(), false);
  cached = { raw: raw!, cart };
  return cart;
}

function write(cart: GuestCart, notify = true): GuestCart {
  const raw = JSON.stringify(cart);
  localStorage.setItem(KEY, raw);
  cached = { raw, cart };
  if (notify) listeners.forEach((listener) => listener());
  return cart;
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) listeners.forEach((listener) => listener());
  });
}

export function subscribeGuestCart(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useGuestCart(): GuestCart {
  return useSyncExternalStore(subscribeGuestCart, readGuestCart, readGuestCart);
}

const clamp = (quantity: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.trunc(quantity)));

export function addGuestLine(line: GuestLine): GuestCart {
  const cart = readGuestCart();
  const existing = cart.lines.find((l) => l.sku === line.sku);
  const lines = existing
    ? cart.lines.map((l) =>
        l.sku === line.sku ? { ...l, quantity: clamp(l.quantity + line.quantity) } : l,
      )
    : [...cart.lines, { ...line, quantity: clamp(line.quantity) }];
  return write({ ...cart, lines });
}

export function setGuestQuantity(sku: string, quantity: number): GuestCart {
  const cart = readGuestCart();
  return write({
    ...cart,
    lines: cart.lines.map((l) => (l.sku === sku ? { ...l, quantity: clamp(quantity) } : l)),
  });
}

export function removeGuestLine(sku: string): GuestCart {
  const cart = readGuestCart();
  return write({ ...cart, lines: cart.lines.filter((l) => l.sku !== sku) });
}

/** After a merge: a new, empty guest cart with a new id (so a later merge is a new one). */
export function clearGuestCart(): void {
  write(newCart());
}
