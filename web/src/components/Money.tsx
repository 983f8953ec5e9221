import { formatMoney, type Money as MoneyValue } from '@/lib/money';

export function Money({ value }: { value: MoneyValue }) {
  return <span className="money">{formatMoney(value)}</span>;
}
