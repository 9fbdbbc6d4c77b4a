import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  plugins: [
    react(),
    // A service worker (Workbox, generated at build) keeps the built app in the browser's cache, so
    // a screen that boots while the server is unreachable still starts and shows its last board
    // (kept by the screen itself: client/hooks/useCachedBoard.ts). The API and Socket.IO are never
    // cached. The manifest lets a leader add the board to a phone's home screen.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icons/icon.svg'],
      manifest: {
        name: 'Bảng theo dõi chỉ tiêu nhiệm kỳ',
        short_name: 'Chỉ tiêu',
        description: 'Các chỉ tiêu nhiệm kỳ: tiến độ, trạng thái, diễn biến',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#0b1220',
        theme_color: '#0b1220',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,woff,png,svg}'],
        // Every page is the one index.html: a navigation while offline gets it from the cache.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/socket\.io(\/|$)/, /^\/exports?(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: {
    // Only the d3 scales the charts use (client/vendor/d3-scale.ts says why).
    alias: [{ find: /^victory-vendor\/d3-scale$/, replacement: fileURLToPath(new URL('./client/vendor/d3-scale.ts', import.meta.url)) }],
  },
  build: {
    outDir,
    emptyOutDir: true,
    // The bundle is served to screens and the export as is; no maps that reveal source paths.
    sourcemap: false,
    // Every browser a screen or a phone runs (Chromium, Safari 17+, Firefox 115+) preloads modules
    // itself: the polyfill only cost the entry bytes.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        advancedChunks: {
          includeDependenciesRecursively: false,
          groups: [
            // The screen's own parts in one chunk: the signed-in app's pages share a few of them
            // (status badge, reading date, target facts), and split apart they were five small
            // chunks on the display's route, each paying its own imports and compression.
            { name: 'display-parts', test: /client[\\/](components[\\/](StatusBadge|ReadingDate|TargetFacts|PaceBar|indicatorText)|hooks[\\/]useNow|format\.ts)|shared[\\/](display[\\/]pages|indicator[\\/](pace|kinds)|time[\\/]dates)/ },
          ],
        },
      },
    },
  },
  server: {
    // The client imports ../shared; allowing the project root (not just client/) lets the dev
    // server read it. Setting `allow` replaces Vite's default, so the whole project is listed.
    fs: { allow: [projectRoot] },
    proxy,
  },
  preview: { proxy },
});
