import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests against real components on moto: the SPA deploy (S3, CloudFront) and the SPA's Cognito calls.
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['scripts/**/*.integration.test.mjs', 'src/**/*.integration.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
