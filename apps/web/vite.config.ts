import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Pages load lazily (src/routes.tsx): the entry is ≈ 380 kB and no chunk passes 700 kB.
// `npm run dev` proxies the API to a gateway on :3000; in production the gateway serves dist/.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  test: { include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
