import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The API server serves this build from /_app/portal/ and answers every portal route
 * (`/t/<slug>/...` or `/...` in production) with its index.html. For `npm run dev -w
 * @kyogikai/portal`, the plugin below does the same for /t/<slug>/ URLs and API calls are proxied
 * to a running API (`KYOGIKAI_API_ORIGIN`, default http://127.0.0.1:3000).
 */
const apiOrigin = process.env.KYOGIKAI_API_ORIGIN ?? 'http://127.0.0.1:3000';

function tenantPathFallback(base: string): Plugin {
  return {
    name: 'kyogikai-tenant-path-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (/^\/t\/[a-z][a-z0-9-]*(\/(?!api\/|admin(\/|$))|$)/.test(url) && req.headers.accept?.includes('text/html')) {
          req.url = base;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  base: '/_app/portal/',
  plugins: [react(), tenantPathFallback('/_app/portal/')],
  resolve: {
    // One copy of each stateful library, whatever node_modules looks like.
    dedupe: ['react', 'react-dom', 'i18next', 'react-i18next', '@tanstack/react-query', '@trpc/client', '@trpc/react-query'],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '^/t/[^/]+/api/': {
        target: apiOrigin,
        // The API refuses writes whose Origin is not the tenant's configured origin (CSRF); the
        // dev server stands in for that origin, so present the API's own.
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) request.setHeader('origin', apiOrigin);
          });
        },
      },
      '/health': apiOrigin,
    },
  },
});
