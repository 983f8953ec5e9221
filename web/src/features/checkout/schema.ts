import { z } from '@/lib/zod';

// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`)
    .regex(NO_CONTROL, 'Remove the special characters.');

/** The checkout form; the cart service checks the same rules (and has the last word). */
export const checkoutSchema = z.object({
  name: text('the name of the recipient', 200),
  line1: text('the street and number', 200),
  line2: z
    .string()
    .trim()
    .max(200, 'Use at most 200 characters.')
    .regex(NO_CONTROL, 'Remove the special characters.'),
  city: text('the city', 100),
  postalCode: text('the postal code', 20),
  country: z.string().regex(/^[A-Z]{2}$/, 'Choose a country.'),
  paymentMethodToken: text('a payment token', 256),
});

export type CheckoutValues = z.infer<typeof checkoutSchema>;

/** Problem fields (the request's JSON paths) → form fields. */
export const PROBLEM_FIELDS: Record<string, keyof CheckoutValues> = {
  'shippingAddress.name': 'name',
  'shippingAddress.line1': 'line1',
  'shippingAddress.line2': 'line2',
  'shippingAddress.city': 'city',
  'shippingAddress.postalCode': 'postalCode',
  'shippingAddress.country': 'country',
  paymentMethodToken: 'paymentMethodToken',
};

export function requestOf(values: CheckoutValues) {
  const { paymentMethodToken, line2, ...address } = values;
  return {
    shippingAddress: { ...address, ...(line2 ? { line2 } : {}) },
    paymentMethodToken,
  };
}
