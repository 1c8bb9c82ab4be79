import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The portal serves dist/ itself; in development, /api goes to a local `connex serve`.
export default defineConfig({
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, modulePreload: { polyfill: false } },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
