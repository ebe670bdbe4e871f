// Builds the renderer (React UI) into dist/renderer. The desktop app loads the result from file://
// and browser mode serves it from 127.0.0.1, so asset URLs are relative and nothing may need inline
// scripts or styles: renderer/index.html carries a strict Content-Security-Policy.

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Chromium supports <link rel="modulepreload"> natively; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // Keep every asset a file: fonts from data: URLs would be refused by `font-src 'self'`.
    assetsInlineLimit: 0,
    // The bundle loads from disk (desktop) or loopback, never over a network: ~1 MB is fine here.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
});
