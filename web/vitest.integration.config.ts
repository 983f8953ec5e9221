import { defineConfig } from 'vitest/config';

// Tests of web's tooling against real components (the SPA deploy against moto's S3 and CloudFront).
export default defineConfig({
  test: {
    include: ['scripts/**/*.integration.test.mjs'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
