import { describe, expect, it } from 'vitest';
import { journeyBrowser } from './support/journey';
import {
  addResult,
  choosePayment,
  fillAddress,
  orderIdOf,
  search,
  signUpOrIn,
} from './support/shop';

// Journey 1 (also `./emporium smoke`): sign up and sign in, search, add two products, change a
// quantity, check out, and see CONFIRMED arrive on the order page without a reload.
describe('a shopper buys two products', () => {
  const browser = journeyBrowser();

  it('signs up, searches, fills the cart, checks out and watches the order confirm live', async () => {
    const s = await browser.start('1-shopper');
    const { page } = s;
    await signUpOrIn(page, 'shopper');

    await search(page, 'skillet');
    const first = await addResult(page, 0);
    const second = await addResult(page, 1);

    await page.getByRole('link', { name: /^Cart/ }).click();
    const items = page.getByRole('list', { name: 'Cart items' });
    await expect.poll(() => items.getByRole('listitem', { name: first }).isVisible()).toBe(true);
    await expect.poll(() => items.getByRole('listitem', { name: second }).isVisible()).toBe(true);
    const summary = page.getByRole('region', { name: 'Summary' });
    const totalBefore = await summary.textContent();
    await page.getByLabel(`Quantity of ${first}`).fill('2');
    await items
      .getByRole('listitem', { name: first })
      .getByRole('button', { name: 'Update quantity' })
      .click();
    await expect.poll(() => summary.textContent()).toContain('Items3');
    expect(await summary.textContent()).not.toBe(totalBefore);

    await page.getByRole('link', { name: 'Proceed to checkout' }).click();
    await fillAddress(page);
    await choosePayment(page, 'approved');
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = orderIdOf(page);
    expect(orderId).not.toBe('');
    // A marker that a reload would wipe: the status must arrive in this same document.
    await page.evaluate(
      () => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true),
    );
    await expect
      .poll(() => page.getByText('Status: Confirmed').isVisible(), {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    await expect
      .poll(() => page.getByText(/Thank you! Your order is confirmed/).isVisible())
      .toBe(true);
    await browser.finish(s, '1-shopper');
  });
});
