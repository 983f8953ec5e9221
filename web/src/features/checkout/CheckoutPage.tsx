import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { Field } from '@/components/Field';
import { Money } from '@/components/Money';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Empty, Loading } from '@/components/Status';
import { useCart } from '@/features/cart/useCart';
import { configQuery, isLocal } from '@/lib/config';
import { applyProblemToForm } from '@/lib/formErrors';
import { placeOrder, TEST_TOKENS } from './api';
import { countries } from './countries';
import { createAttempts } from './idempotency';
import { checkoutSchema, PROBLEM_FIELDS, requestOf, type CheckoutValues } from './schema';

const FIELD_LABELS: Record<string, string> = {
  'shippingAddress.name': 'Full name',
  'shippingAddress.line1': 'Address line 1',
  'shippingAddress.line2': 'Address line 2',
  'shippingAddress.city': 'City',
  'shippingAddress.postalCode': 'Postal code',
  'shippingAddress.country': 'Country',
  paymentMethodToken: 'Payment',
};

export function CheckoutPage() {
  const cart = useCart();
  const config = useQuery(configQuery);
  if (cart.isPending || config.isPending) return <Loading label="Loading your cart…" />;
  if (cart.error) return <ProblemAlert error={cart.error} onRetry={cart.refetch} />;
  if (cart.lines.length === 0 || cart.status !== 'OPEN') {
    return (
      <>
        <h1>Checkout</h1>
        <Empty>
          <p>Your cart is empty.</p>
          <Link to="/search">Start shopping</Link>
        </Empty>
      </>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <section className="checkout-summary" aria-labelledby="order-summary">
        <h2 id="order-summary">Your order</h2>
        <ul role="list">
          {cart.lines.map((l) => (
            <li key={l.sku}>
              {l.quantity} × {l.name} — <Money value={l.lineTotal} />
            </li>
          ))}
        </ul>
        <p>
          Total: <strong>{cart.summary.total && <Money value={cart.summary.total} />}</strong>
        </p>
        {cart.summary.unavailable.length > 0 && (
          <p className="warning" role="alert">
            Some items are not available in the quantity in your cart; the order would be cancelled.{' '}
            <Link to="/cart">Change your cart</Link>
          </p>
        )}
      </section>
      <CheckoutForm local={config.data ? isLocal(config.data) : false} />
    </>
  );
}

function CheckoutForm({ local }: { local: boolean }) {
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const attempts = useRef(createAttempts()).current;
  const countryList = useMemo(() => countries(), []);
  const alertRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const [shown, setShown] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CheckoutValues>({
    resolver: zodResolver(checkoutSchema),
    defaultValues: {
      name: '',
      line1: '',
      line2: '',
      city: '',
      postalCode: '',
      country: '',
      paymentMethodToken: local ? TEST_TOKENS[0].token : '',
    },
  });
  const order = useMutation({
    mutationFn: (values: CheckoutValues) => {
      const body = requestOf(values);
      return placeOrder(body, attempts.keyFor(body));
    },
    onSuccess: (accepted) => {
      attempts.settle();
      void client.invalidateQueries({ queryKey: ['cart'] });
      void client.invalidateQueries({ queryKey: ['orders'] });
      navigate(`/orders/${encodeURIComponent(accepted.orderId)}`, { state: { placed: true } });
    },
    onError: (error) => {
      attempts.settle(error);
      const placed = applyProblemToForm(error, setError, PROBLEM_FIELDS);
      setShown(placed);
      if (placed.length === 0) setTimeout(() => alertRef.current?.focus());
    },
  });

  const describedError = (name: keyof CheckoutValues) => errors[name]?.message;

  return (
    <form
      className="stack checkout-form"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        // Synchronous guard: a second click arrives before React renders the disabled button.
        if (busy.current) {
          event.preventDefault();
          return;
        }
        busy.current = true;
        void handleSubmit((values) => order.mutateAsync(values).catch(() => undefined))(
          event,
        ).finally(() => (busy.current = false));
      }}
    >
      <h2 id={`${id}-heading`}>Shipping address</h2>
      <Field
        label="Full name"
        autoComplete="name"
        error={describedError('name')}
        {...register('name')}
      />
      <Field
        label="Address line 1"
        autoComplete="address-line1"
        error={describedError('line1')}
        {...register('line1')}
      />
      <Field
        label="Address line 2 (optional)"
        autoComplete="address-line2"
        error={describedError('line2')}
        {...register('line2')}
      />
      <Field
        label="City"
        autoComplete="address-level2"
        error={describedError('city')}
        {...register('city')}
      />
      <Field
        label="Postal code"
        autoComplete="postal-code"
        error={describedError('postalCode')}
        {...register('postalCode')}
      />
      <div className="field">
        <label htmlFor={`${id}-country`}>Country</label>
        <select
          id={`${id}-country`}
          autoComplete="country"
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={errors.country ? `${id}-country-error` : undefined}
          {...register('country')}
        >
          <option value="">Choose a country</option>
          {countryList.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.country && (
          <p className="field-error" id={`${id}-country-error`}>
            {errors.country.message}
          </p>
        )}
      </div>

      <h2>Payment</h2>
      {local ? (
        <fieldset
          className="field"
          aria-invalid={errors.paymentMethodToken ? true : undefined}
          aria-describedby={`${id}-payment-hint${errors.paymentMethodToken ? ` ${id}-payment-error` : ''}`}
        >
          <legend>Payment method</legend>
          <p className="hint" id={`${id}-payment-hint`}>
            Local shop: no real card is charged. Choose one of the payment simulator’s test tokens.
          </p>
          {TEST_TOKENS.map((t) => (
            <label key={t.token} className="radio">
              <input type="radio" value={t.token} {...register('paymentMethodToken')} /> {t.label}{' '}
              <code>{t.token}</code>
            </label>
          ))}
          {errors.paymentMethodToken && (
            <p className="field-error" id={`${id}-payment-error`}>
              {errors.paymentMethodToken.message}
            </p>
          )}
        </fieldset>
      ) : (
        <Field
          label="Payment token"
          hint="The token your payment provider gave for your card."
          autoComplete="off"
          error={describedError('paymentMethodToken')}
          {...register('paymentMethodToken')}
        />
      )}

      {order.error && (
        <ProblemAlert
          ref={alertRef}
          error={order.error}
          shownFields={shown}
          fieldLabels={FIELD_LABELS}
        />
      )}
      <button type="submit" disabled={order.isPending} aria-disabled={order.isPending}>
        {order.isPending ? 'Placing your order…' : 'Place order'}
      </button>
    </form>
  );
}
