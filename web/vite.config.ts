import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// No @vitejs/plugin-react: esbuild compiles TSX with the automatic runtime (tsconfig "jsx": "react-jsx"),
// which is all a production build needs; the dev server reloads the page instead of hot-swapping components.
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // Hashed file names under /assets/: the edge and CloudFront cache them for a year.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // `npm run dev` beside `./emporium up`: the API and /config.json come from the edge.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/config.json': 'http://127.0.0.1:8080',
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['src/**/*.integration.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
