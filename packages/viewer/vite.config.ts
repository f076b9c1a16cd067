// Vite builds the viewer into dist/, which the API serves at `/` (deep links fall back to index.html,
// so assets are addressed from the root). @kolmap/model is bundled from its sources, so the viewer
// builds without building model first.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  resolve: {
    alias: { '@kolmap/model': fileURLToPath(new URL('../model/src/index.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  worker: { format: 'es' },
  server: { proxy: { '/api': process.env.KOLMAP_API_URL ?? 'http://127.0.0.1:3000' } },
});
