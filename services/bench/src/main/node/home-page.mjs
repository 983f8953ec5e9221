// How long until the shop's home page shows products in Chromium: each run in a fresh browser
// context (empty cache, as a first visit), from navigation to the first product of "Featured
// products" being visible. Prints one JSON line: {"runs": [ms, ...]}.
// Usage: node home-page.mjs <web dir with node_modules> <base url> [runs]
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';

const [webDir, baseUrl, runsArg] = process.argv.slice(2);
const { chromium } = await import(
  pathToFileURL(`${webDir}/node_modules/playwright-core/index.mjs`).href
);
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'].find(
  (p) => p && existsSync(p),
);
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
});
const runs = [];
try {
  for (let i = 0; i < Number(runsArg ?? 3); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(baseUrl + '/');
    await page
      .getByRole('region', { name: 'Featured products' })
      .getByRole('listitem')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    runs.push(Date.now() - started);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ runs }));
