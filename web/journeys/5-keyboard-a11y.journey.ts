import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, tabTo } from './support/browser';
import { journeyBrowser } from './support/journey';
import { addResult, search, signUpOrIn } from './support/shop';

async function typeInto(page: Page, label: string, text: string) {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

async function noSideways(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${what} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
}

// Journey 5: the checkout done with the keyboard only; an axe-core scan of each page with no serious
// or critical violation; every page usable 360 px wide.
describe('keyboard and accessibility', () => {
  const browser = journeyBrowser();

  it('checks out with the keyboard alone', async () => {
    const s = await browser.start('5-keyboard');
    const { page } = s;
    await signUpOrIn(page, 'keyboard');
    await search(page, 'cutting board');
    await addResult(page, 0);

    await page.goto('/cart');
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    await tabTo(page, 'Proceed to checkout');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Shipping address' }).waitFor();

    await typeInto(page, 'Full name', 'Grace Hopper');
    await typeInto(page, 'Address line 1', '1 Harbor Street');
    await typeInto(page, 'City', 'Arlington');
    await typeInto(page, 'Postal code', '22201');
    await tabTo(page, 'Country');
    await page.keyboard.type('United States');
    expect(await page.getByLabel('Country').inputValue()).toBe('US');
    await tabTo(page, /approved/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Place order');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/orders\/[^/]+$/);
    await expect
      .poll(() => page.getByText('Status: Confirmed').isVisible(), {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(true);
    await browser.finish(s, '5-keyboard');
  });

  it('passes axe-core on every page, on a desktop and 360 px wide', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const s = await browser.start(`5-a11y-${viewport.width}`, viewport);
      const { page } = s;
      const check = async (what: string) => {
        await expectAccessible(page, `${what} at ${viewport.width} px`);
        if (viewport.width === 360) await noSideways(page, what);
      };

      await page.goto('/');
      await page.getByRole('heading', { name: 'Featured products' }).waitFor();
      await page.getByRole('article').first().waitFor();
      await check('home');
      await page.goto('/sign-in');
      await page.getByLabel('Password').waitFor();
      await check('sign-in');
      await page.goto('/sign-up');
      await page.getByLabel('Password').waitFor();
      await check('sign-up');
      await page.goto('/confirm?email=a%40example.com');
      await page.getByLabel('Confirmation code').waitFor();
      await check('confirmation');
      await page.goto('/no/such/page');
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await check('404');

      await signUpOrIn(page, `a11y${viewport.width}`);
      await search(page, 'saucepan');
      await check('search');
      await page.getByRole('article').first().getByRole('link').click();
      await page.getByRole('button', { name: 'Add to cart' }).waitFor();
      await check('product');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added to your cart.').waitFor();
      await page.goto('/cart');
      await page.getByRole('list', { name: 'Cart items' }).waitFor();
      await check('cart');
      await page.goto('/checkout');
      await page.getByRole('button', { name: 'Place order' }).waitFor();
      await check('checkout');
      await page.getByRole('button', { name: 'Place order' }).click();
      await page.getByText('Enter the name of the recipient.').waitFor();
      await check('checkout with errors');
      await page.goto('/orders');
      await page.getByRole('heading', { name: 'Your orders' }).waitFor();
      await check('orders');
      await page.goto('/notifications');
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await check('inbox');
      await browser.finish(s, `5-a11y-${viewport.width}`);
    }
  });
});
