import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at / and the API at /api on the same origin; in development Vite proxies /api.
export default defineConfig({
  plugins: [react()],
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
