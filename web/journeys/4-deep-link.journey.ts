import { describe, expect, it } from 'vitest';
import { orderNumber } from '../src/features/orders/api';
import { journeyBrowser } from './support/journey';
import {
  addResult,
  choosePayment,
  fillAddress,
  orderIdOf,
  search,
  signUpOrIn,
} from './support/shop';

// Journey 4: a reload of an order page's deep link works (the edge's history fallback, the session
// kept across loads), and so does opening it in a new tab; an unknown address is the 404 page.
describe('deep links', () => {
  const browser = journeyBrowser();

  it('reloads an order page and opens it in a new tab', async () => {
    const s = await browser.start('4-deep-link');
    const { page, context } = s;
    await signUpOrIn(page, 'deeplink');
    await search(page, 'stock pot');
    await addResult(page, 0);
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('link', { name: 'Proceed to checkout' }).click();
    await fillAddress(page);
    await choosePayment(page, 'approved');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = orderIdOf(page);

    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-cache');
    await expect
      .poll(() =>
        page.getByRole('heading', { level: 1, name: `Order ${orderNumber(orderId)}` }).isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByText(/^Status: /).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('list', { name: 'Order progress' }).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);

    const tab = await context.newPage();
    await tab.goto(`/orders/${encodeURIComponent(orderId)}`);
    await expect
      .poll(() => tab.getByRole('list', { name: 'Order progress' }).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);

    await tab.goto('/orders');
    await expect
      .poll(() => tab.getByRole('link', { name: `Order ${orderNumber(orderId)}` }).isVisible())
      .toBe(true);

    const missing = await tab.goto('/no/such/page');
    expect(missing?.status()).toBe(200);
    await expect
      .poll(() => tab.getByRole('heading', { name: 'Page not found' }).isVisible())
      .toBe(true);
    await tab.close();
    await browser.finish(s, '4-deep-link');
  });
});
