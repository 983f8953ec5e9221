import { describe, expect, it } from 'vitest';
import type { CartLine } from './api';
import { guestCartLine, lineNotices, summarize } from './summary';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

function line(overrides: Partial<CartLine> = {}): CartLine {
  return {
    sku: 'KIT-1',
    name: 'Knife',
    quantity: 2,
    unitPrice: eur(1000),
    lineTotal: eur(2000),
    imageUrl: null,
    currentPrice: eur(1000),
    available: 10,
    ...overrides,
  };
}

describe('cart summary', () => {
  it('adds up items and line totals', () => {
    const summary = summarize([
      line(),
      line({
        sku: 'KIT-2',
        quantity: 1,
        unitPrice: eur(550),
        lineTotal: eur(550),
        currentPrice: eur(550),
      }),
    ]);
    expect(summary.itemCount).toBe(3);
    expect(summary.total).toEqual(eur(2550));
    expect(summary.priceChanges).toEqual([]);
    expect(summary.unavailable).toEqual([]);
  });

  it("prefers the server's total when it has one", () => {
    expect(summarize([line()], eur(1999)).total).toEqual(eur(1999));
  });

  it('has no total for an empty cart', () => {
    expect(summarize([])).toEqual({ itemCount: 0, total: null, priceChanges: [], unavailable: [] });
  });

  it('tells a price that changed since the line was added', () => {
    const changed = line({ currentPrice: eur(1200) });
    expect(lineNotices(changed)).toEqual([
      { kind: 'price-changed', was: eur(1000), now: eur(1200) },
    ]);
    expect(summarize([changed]).priceChanges).toEqual([changed]);
  });

  it('says nothing about price or stock the catalog could not tell', () => {
    expect(lineNotices(line({ currentPrice: null, available: null }))).toEqual([]);
  });

  it('flags lines out of stock or short of the quantity', () => {
    expect(lineNotices(line({ available: 0 }))).toEqual([{ kind: 'unavailable' }]);
    expect(lineNotices(line({ available: 1 }))).toEqual([{ kind: 'short', available: 1 }]);
    expect(summarize([line({ available: 1 })]).unavailable).toHaveLength(1);
  });

  it('refuses to add up two currencies', () => {
    expect(() =>
      summarize([line(), line({ lineTotal: { amountMinor: 1, currency: 'USD' } })]),
    ).toThrow(/more than one currency/);
  });

  it('prices a guest line as when it was added, with the catalog now beside it', () => {
    const guest = {
      sku: 'KIT-1',
      name: 'Knife',
      quantity: 3,
      unitPrice: eur(1000),
      imageUrl: null,
    };
    expect(guestCartLine(guest, { price: eur(900), available: 2 })).toEqual({
      ...guest,
      lineTotal: eur(3000),
      currentPrice: eur(900),
      available: 2,
    });
    expect(guestCartLine(guest, undefined).currentPrice).toBeNull();
  });
});
