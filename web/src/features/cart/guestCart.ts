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
let cached: GuestCart | null = null;

function newCart(): GuestCart {
  return { guestCartId: crypto.randomUUID(), lines: [] };
}

export function readGuestCart(): GuestCart {
  if (cached) return cached;
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as GuestCart | null;
    cached = stored?.guestCartId && Array.isArray(stored.lines) ? stored : newCart();
  } catch {
    cached = newCart();
  }
  return cached;
}

function write(cart: GuestCart) {
  cached = cart;
  localStorage.setItem(KEY, JSON.stringify(cart));
  listeners.forEach((listener) => listener());
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) {
      cached = null;
      listeners.forEach((listener) => listener());
    }
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
  const next = { ...cart, lines };
  write(next);
  return next;
}

export function setGuestQuantity(sku: string, quantity: number): GuestCart {
  const cart = readGuestCart();
  const next = {
    ...cart,
    lines: cart.lines.map((l) => (l.sku === sku ? { ...l, quantity: clamp(quantity) } : l)),
  };
  write(next);
  return next;
}

export function removeGuestLine(sku: string): GuestCart {
  const cart = readGuestCart();
  const next = { ...cart, lines: cart.lines.filter((l) => l.sku !== sku) };
  write(next);
  return next;
}

/** After a merge: a new, empty guest cart with a new id (so a later merge is a new one). */
export function clearGuestCart(): void {
  write(newCart());
}
