import { sameMoney, type Money } from '@/lib/money';
import type { CartLine } from './api';
import type { GuestLine } from './guestCart';

/** What a cart line tells the shopper besides its price and quantity. */
export type LineNotice =
  | { kind: 'price-changed'; was: Money; now: Money }
  | { kind: 'unavailable' }
  | { kind: 'short'; available: number };

export function lineNotices(line: CartLine): LineNotice[] {
  const notices: LineNotice[] = [];
  if (line.currentPrice && !sameMoney(line.currentPrice, line.unitPrice)) {
    notices.push({ kind: 'price-changed', was: line.unitPrice, now: line.currentPrice });
  }
  if (line.available !== null && line.available <= 0) notices.push({ kind: 'unavailable' });
  else if (line.available !== null && line.available < line.quantity) {
    notices.push({ kind: 'short', available: line.available });
  }
  return notices;
}

export type CartSummary = {
  itemCount: number;
  /** The sum of the line totals; null for an empty cart. */
  total: Money | null;
  priceChanges: CartLine[];
  /** Lines the catalog cannot sell in the quantity asked for now. */
  unavailable: CartLine[];
};

function sum(lines: CartLine[]): Money | null {
  const first = lines[0];
  if (!first) return null;
  const currency = first.lineTotal.currency;
  if (lines.some((l) => l.lineTotal.currency !== currency)) {
    throw new Error('a cart in more than one currency');
  }
  return { currency, amountMinor: lines.reduce((total, l) => total + l.lineTotal.amountMinor, 0) };
}

/** The cart page's totals and warnings; `total` is the server's when it has one. */
export function summarize(lines: CartLine[], serverTotal?: Money): CartSummary {
  return {
    itemCount: lines.reduce((count, l) => count + l.quantity, 0),
    total: lines.length === 0 ? null : (serverTotal ?? sum(lines)),
    priceChanges: lines.filter((l) => lineNotices(l).some((n) => n.kind === 'price-changed')),
    unavailable: lines.filter((l) => lineNotices(l).some((n) => n.kind !== 'price-changed')),
  };
}

/** What the catalog says of a product now (undefined while unknown). */
export type ProductNow = { price: Money; available: number } | undefined;

/**
 * A guest line as a cart line: priced as when it was added (as the account cart does), with the
 * catalog's price and availability now.
 */
export function guestCartLine(line: GuestLine, now: ProductNow): CartLine {
  return {
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    lineTotal: {
      currency: line.unitPrice.currency,
      amountMinor: line.unitPrice.amountMinor * line.quantity,
    },
    imageUrl: line.imageUrl,
    currentPrice: now?.price ?? null,
    available: now?.available ?? null,
  };
}
