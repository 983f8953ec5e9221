import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '@/features/auth/session';
import { productsBySkuQuery, type Product } from '@/features/catalog/api';
import {
  addItem,
  cartKey,
  cartQuery,
  removeItem,
  setQuantity,
  type Cart,
  type CartLine,
} from './api';
import { addGuestLine, removeGuestLine, setGuestQuantity, useGuestCart } from './guestCart';
import { guestCartLine, summarize, type CartSummary } from './summary';

export type CartView = {
  kind: 'guest' | 'account';
  lines: CartLine[];
  summary: CartSummary;
  status: Cart['status'];
  checkoutId: string | null;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
};

/** The shopper's cart: the account's (server state) when signed in, else the browser's guest cart. */
export function useCart(): CartView {
  const session = useSession();
  const guest = useGuestCart();
  const account = useQuery({ ...cartQuery(session?.sub ?? ''), enabled: Boolean(session) });
  const products = useQuery({
    ...productsBySkuQuery(guest.lines.map((line) => line.sku)),
    enabled: !session && guest.lines.length > 0,
    retry: 1,
  });
  if (session) {
    const lines = account.data?.lines ?? [];
    return {
      kind: 'account',
      lines,
      summary: summarize(lines, account.data?.total),
      status: account.data?.status ?? 'OPEN',
      checkoutId: account.data?.checkoutId ?? null,
      isPending: account.isPending,
      error: account.error,
      refetch: () => void account.refetch(),
    };
  }
  const lines = guest.lines.map((line) => {
    const product = products.data?.[line.sku];
    return guestCartLine(
      line,
      product ? { price: product.price, available: product.stock.available } : undefined,
    );
  });
  return {
    kind: 'guest',
    lines,
    summary: summarize(lines),
    status: 'OPEN',
    checkoutId: null,
    isPending: false,
    error: null,
    refetch: () => void products.refetch(),
  };
}

type Change =
  | { type: 'add'; product: Product; quantity: number }
  | { type: 'quantity'; sku: string; quantity: number }
  | { type: 'remove'; sku: string };

/** Add, change and remove, on whichever cart the shopper has; errors come back as ProblemError. */
export function useCartChange() {
  const session = useSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: Change): Promise<Cart | null> => {
      if (!session) {
        if (change.type === 'add') {
          addGuestLine({
            sku: change.product.sku,
            name: change.product.name,
            quantity: change.quantity,
            unitPrice: change.product.price,
            imageUrl: change.product.imageUrl,
          });
        } else if (change.type === 'quantity') setGuestQuantity(change.sku, change.quantity);
        else removeGuestLine(change.sku);
        return null;
      }
      if (change.type === 'add') return addItem(change.product.sku, change.quantity);
      if (change.type === 'quantity') return setQuantity(change.sku, change.quantity);
      return removeItem(change.sku);
    },
    onSuccess: (cart) => {
      if (cart && session) client.setQueryData(cartKey(session.sub), cart);
    },
    onError: () => {
      if (session) void client.invalidateQueries({ queryKey: cartKey(session.sub) });
    },
  });
}
