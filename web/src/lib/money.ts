/** Money as the APIs carry it: an integer amount of the currency's minor unit. */
export type Money = { amountMinor: number; currency: string };

const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/** Digits after the decimal point of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return formatOf(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/** The one money formatter of the shop. */
export function formatMoney(money: Money, locale?: string): string {
  const amount = money.amountMinor / 10 ** minorDigits(money.currency);
  return formatOf(money.currency, locale).format(amount);
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.amountMinor === b.amountMinor && a.currency === b.currency;
}

/** Major units a shopper typed ("12.5") in minor units (1250); undefined when not a price. */
export function toMinor(major: string, currency = 'EUR'): number | undefined {
  const trimmed = major.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 10 ** minorDigits(currency));
}
