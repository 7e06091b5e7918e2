import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { vezaServiceWorker } from './src/features/offline/sw-build.ts';

// The server serves dist/ at / and the API at /api on the same origin; in development Vite proxies /api.
export default defineConfig({
  plugins: [
    react(),
    // /sw.js: keeps the app shell and the indicator library for offline screening (features/offline).
    vezaServiceWorker({
      entry: 'src/features/offline/service-worker.ts',
      publicFiles: [
        '/manifest.webmanifest',
        '/icon.svg',
        '/icon-maskable.svg',
        '/icon-192.png',
        '/icon-512.png',
        '/icon-maskable-512.png',
        '/apple-touch-icon.png',
      ],
    }),
  ],
  resolve: {
    // @mantine/dates and a few hoisted packages live in the root node_modules: one copy of each.
    dedupe: ['react', 'react-dom', '@mantine/core', '@mantine/hooks', 'i18next', 'react-i18next'],
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});
