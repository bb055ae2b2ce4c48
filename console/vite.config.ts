import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** API paths the dev server forwards to the local stack (`npm start`, or API_URL). */
const apiPaths = [
  '/requests',
  '/holding-pen',
  '/calendar',
  '/reports',
  '/disclosures',
  '/sla',
  '/people',
  '/divisions',
  '/me',
  '/openapi.json',
  '/docs',
  '/anchors',
  '/_local',
  '/console/config.json',
];
const target = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Each route is its own chunk; the first screen loads only the shell and the sign-in page.
    chunkSizeWarningLimit: 1500,
    manifest: true,
  },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    host: '127.0.0.1',
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target, changeOrigin: false }])),
  },
});
