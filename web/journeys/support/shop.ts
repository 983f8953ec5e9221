import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** A new shopper's address: unique per run, so journeys never meet each other's accounts. */
export function newEmail(journey: string): string {
  return `${journey}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

export const PASSWORD = 'Journey-Pass-42!';

/** Signing in with an account given in the environment (a deployed shop, where sign-up needs an inbox). */
export const GIVEN_ACCOUNT =
  process.env.EMPORIUM_SMOKE_EMAIL && process.env.EMPORIUM_SMOKE_PASSWORD
    ? { email: process.env.EMPORIUM_SMOKE_EMAIL, password: process.env.EMPORIUM_SMOKE_PASSWORD }
    : null;

/** From any page: Sign in → Create an account → confirm (the emulator takes any code) → signed in. */
export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  // The sign-up page is its own chunk: until it replaces the sign-in page, 'Email' is the old field.
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Confirmation code').fill('123456');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
}

/** From any page: Sign in with an existing account (Cognito's JSON API, or the Hosted UI in AWS). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  const hosted = page.getByRole('button', { name: 'Continue to sign in' });
  const direct = page.getByLabel('Password');
  await expect
    .poll(async () => (await hosted.isVisible()) || (await direct.isVisible()))
    .toBe(true);
  if (await hosted.isVisible()) {
    await hosted.click();
    await page.locator('input[name="username"]:visible').fill(email);
    await page.locator('input[name="password"]:visible').fill(password);
    await page.locator('[type="submit"]:visible').first().click();
  } else {
    await page.getByLabel('Email').fill(email);
    await direct.fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  await expect
    .poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible(), { timeout: 20_000 })
    .toBe(true);
}

/** A signed-in shopper: the given account, or a new one. */
export async function signUpOrIn(page: Page, journey: string): Promise<string> {
  await page.goto('/');
  if (GIVEN_ACCOUNT) {
    await signIn(page, GIVEN_ACCOUNT.email, GIVEN_ACCOUNT.password);
    return GIVEN_ACCOUNT.email;
  }
  const email = newEmail(journey);
  await signUp(page, email);
  return email;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect
    .poll(() => page.getByRole('link', { name: 'Sign in', exact: true }).isVisible())
    .toBe(true);
}

/** Searches with the header's box; the results' product links (name → href), in stock first. */
export async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search products' }).fill(words);
  await page
    .getByRole('search')
    .filter({ has: page.getByRole('searchbox', { name: 'Search products' }) })
    .getByRole('button', { name: 'Search' })
    .click();
  await expect
    .poll(() => page.getByRole('heading', { name: /\d+ products?/ }).isVisible())
    .toBe(true);
}

/** Opens the n-th result that is in stock and adds `quantity` of it; its name. */
export async function addResult(page: Page, n: number, quantity = 1): Promise<string> {
  const cards = page.getByRole('article').filter({ hasNotText: 'Out of stock' });
  const link = cards.nth(n).getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
  if (quantity !== 1) await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect.poll(() => page.getByText('Added to your cart.').isVisible()).toBe(true);
  await page.goBack();
  return name;
}

/** The shipping address form of the checkout page, filled. */
export async function fillAddress(page: Page): Promise<void> {
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Address line 1').fill('12 Analytical Row');
  await page.getByLabel('City').fill('London');
  await page.getByLabel('Postal code').fill('N1 9GU');
  await page.getByLabel('Country').selectOption('GB');
}

/** Chooses the payment: a local test token by its label, or a token typed where the shop is real. */
export async function choosePayment(page: Page, kind: 'approved' | 'declined'): Promise<void> {
  const radio = page.getByRole('radio', {
    name: kind === 'approved' ? /approved/ : /^Test card that is declined/,
  });
  if (await radio.count()) {
    await radio.check();
  } else {
    const token =
      kind === 'approved'
        ? (process.env.EMPORIUM_SMOKE_PAYMENT_TOKEN ?? 'tok_4242424242424242')
        : 'tok_4000000000000002';
    await page.getByLabel('Payment token').fill(token);
  }
}

/** The order id in the address bar of an order page. */
export function orderIdOf(page: Page): string {
  const match = new URL(page.url()).pathname.match(/^\/orders\/([^/]+)$/);
  if (!match) throw new Error(`not an order page: ${page.url()}`);
  return decodeURIComponent(match[1]!);
}
