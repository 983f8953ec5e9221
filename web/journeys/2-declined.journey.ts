import { describe, expect, it } from 'vitest';
import { journeyBrowser } from './support/journey';
import { addResult, choosePayment, fillAddress, search, signUpOrIn } from './support/shop';

// Journey 2: a declined card shows the cancellation reason, and the cart comes back with its lines.
describe('a declined card', () => {
  const browser = journeyBrowser();

  it('cancels the order with its reason and gives the cart back', async () => {
    const s = await browser.start('2-declined');
    const { page } = s;
    await signUpOrIn(page, 'declined');
    await search(page, 'wok');
    const product = await addResult(page, 0, 2);

    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('link', { name: 'Proceed to checkout' }).click();
    await fillAddress(page);
    await choosePayment(page, 'declined');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/[^/]+$/);

    await expect
      .poll(() => page.getByText('Status: Cancelled').isVisible(), {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(true);
    const reason = page.getByText('This order was cancelled.');
    await expect.poll(() => reason.isVisible()).toBe(true);
    const explanation = (await page.locator('.alert-error p').first().textContent()) ?? '';
    expect(explanation.replace('This order was cancelled.', '').trim().length).toBeGreaterThan(5);

    await page.getByRole('link', { name: 'Back to your cart' }).click();
    const line = page
      .getByRole('list', { name: 'Cart items' })
      .getByRole('listitem', { name: product });
    await expect.poll(() => line.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByLabel(`Quantity of ${product}`).inputValue()).toBe('2');
    await browser.finish(s, '2-declined');
  });
});
