import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed } from 'vitest';
import { launch, screenshot, shopper, type Shopper } from './browser';

/**
 * One browser for a journey file; each journey gets a fresh profile, a screenshot of its last page
 * (also when it fails), and fails if the page broke its Content-Security-Policy or threw.
 */
export function journeyBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async start(name: string, viewport?: { width: number; height: number }): Promise<Shopper> {
      const s = await shopper(browser, viewport);
      onTestFailed(async () => {
        await screenshot(s.page, `${name}-failed`).catch(() => undefined);
      });
      return s;
    },
    async finish(s: Shopper, name: string): Promise<void> {
      await screenshot(s.page, name);
      expect(await s.problems(), 'problems in the page').toEqual([]);
      await s.context.close();
    },
  };
}
