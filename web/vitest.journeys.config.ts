import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys (playwright-core + Debian's Chromium) against a running shop: EMPORIUM_BASE_URL,
// else http://127.0.0.1:8080 (`./emporium up`). One file at a time: they share the shop.
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['journeys/**/*.journey.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 60_000,
    // A page shows what the services decided a moment later (a stream event, then the order read):
    // on a loaded machine that is seconds, not the 1 s default.
    expect: { poll: { timeout: 15_000, interval: 250 } },
  },
});
