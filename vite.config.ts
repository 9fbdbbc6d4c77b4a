import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));

// In development the API server runs on its own port (scripts/dev.mjs); the browser only ever
// talks to Vite, so cookies and the Socket.IO handshake stay same-origin as in production.
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
// Keys are regular expressions (leading ^): a plain '/api' is a prefix match and would also
// send the client's own module /api.ts to the API server.
const proxy: Record<string, ProxyOptions> = {
  '^/api([/?]|$)': { target: apiTarget },
  '^/socket\\.io(/|$)': { target: apiTarget, ws: true },
};

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The bundle is served to screens and the export as is; no maps that reveal source paths.
    sourcemap: false,
  },
  server: {
    // The client imports ../shared; allowing the project root (not just client/) lets the dev
    // server read it. Setting `allow` replaces Vite's default, so the whole project is listed.
    fs: { allow: [projectRoot] },
    proxy,
  },
  preview: { proxy },
});
