import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The reader asks for /graphql on its own origin; the dev and preview servers pass that on to the archive,
// so the browser needs no CORS. ARCHIVE_GRAPHQL_URL names the archive's endpoint.
const api = new URL(process.env.ARCHIVE_GRAPHQL_URL ?? 'http://localhost:5000/graphql');
const proxy = {
  '/graphql': {
    target: api.origin,
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/graphql/, api.pathname),
  },
};

export default defineConfig({
  // Relative asset paths: dist/ works from any path of the server that hosts it (the router lives in the hash).
  base: './',
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', sourcemap: false },
});
