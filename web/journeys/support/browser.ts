import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The shop under test: EMPORIUM_BASE_URL, else the edge of `./emporium up`. */
export const BASE_URL = (process.env.EMPORIUM_BASE_URL ?? 'http://127.0.0.1:8080').replace(
  /\/$/,
  '',
);

/** Screenshots of each journey's last page (and of failures). */
export const SHOTS = fileURLToPath(new URL('../../target/journeys/', import.meta.url));

/**
 * The machine's Chromium: CHROMIUM_PATH, else Debian's (a test tool's own browser download cannot work
 * here), else the Chrome a CI runner has.
 */
export const BROWSER = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].find((path) => path && existsSync(path));

/** Headless, with the flags that keep it off the network: only the shop is reached. */
export async function launch(): Promise<Browser> {
  if (!BROWSER) throw new Error('no Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath: BROWSER,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export type Shopper = { context: BrowserContext; page: Page; problems: () => Promise<string[]> };

/**
 * A fresh browser profile (no session, no guest cart) with one page. problems() lists what went
 * wrong in the page that a shopper would not see: Content-Security-Policy violations and uncaught
 * errors.
 */
export async function shopper(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<Shopper> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport });
  context.setDefaultTimeout(20_000);
  await context.addInitScript(() => {
    const w = window as unknown as { __problems: string[] };
    w.__problems = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__problems.push(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    context,
    page,
    problems: async () => {
      const seen = await Promise.all(
        context
          .pages()
          .map((p) =>
            p
              .evaluate(() => (window as unknown as { __problems?: string[] }).__problems ?? [])
              .catch(() => []),
          ),
      );
      return [...errors, ...seen.flat()];
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** axe-core on the page as it is: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad, `accessibility of ${what}`).toEqual([]);
}

/** Presses Tab until the focused element has this accessible name (bounded), as a keyboard user would. */
export async function tabTo(page: Page, name: string | RegExp, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      const label = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (labelled ?? label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`no element named ${name} within ${maxTabs} Tab presses`);
}
