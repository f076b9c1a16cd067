// Vite builds the viewer into dist/, which the API serves at `/` (deep links fall back to index.html,
// so assets are addressed from the root).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  worker: { format: 'es' },
  server: { proxy: { '/api': process.env.KOLMAP_API_URL ?? 'http://127.0.0.1:3000' } },
});
