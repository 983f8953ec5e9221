import { describe, expect, it } from 'vitest';
import { journeyBrowser } from './support/journey';
import { addResult, newEmail, PASSWORD, search, signIn, signOut, signUp } from './support/shop';

// Journey 3: a guest adds to the cart, signs in, and finds the lines merged.
describe('a guest cart', () => {
  const browser = journeyBrowser();

  it("merges into the account's cart at sign-in", async () => {
    // An account that already holds one line.
    const email = newEmail('guest');
    const before = await browser.start('3-guest-merge-account');
    await before.page.goto('/');
    await signUp(before.page, email);
    await search(before.page, 'mixing bowl');
    const accountLine = await addResult(before.page, 0);
    await signOut(before.page);
    await before.context.close();

    // A guest, in another browser, adds two products and signs in.
    const s = await browser.start('3-guest-merge');
    const { page } = s;
    await page.goto('/');
    await search(page, 'measuring cups');
    const guestLine = await addResult(page, 0, 3);
    await page.getByRole('link', { name: /^Cart/ }).click();
    await expect.poll(() => page.getByRole('listitem', { name: guestLine }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('link', { name: 'Sign in to check out' }).isVisible())
      .toBe(true);

    await signIn(page, email, PASSWORD);
    await page.getByRole('link', { name: /^Cart/ }).click();
    const items = page.getByRole('list', { name: 'Cart items' });
    await expect
      .poll(() => items.getByRole('listitem', { name: guestLine }).isVisible())
      .toBe(true);
    await expect
      .poll(() => items.getByRole('listitem', { name: accountLine }).isVisible())
      .toBe(true);
    expect(await page.getByLabel(`Quantity of ${guestLine}`).inputValue()).toBe('3');
    await expect
      .poll(() => page.getByRole('link', { name: 'Proceed to checkout' }).isVisible())
      .toBe(true);

    // The merge happened once: a reload shows the same lines, not doubled.
    await page.reload();
    await expect.poll(() => page.getByLabel(`Quantity of ${guestLine}`).inputValue()).toBe('3');
    await browser.finish(s, '3-guest-merge');
  });
});
