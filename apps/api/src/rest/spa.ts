import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves one built SPA (apps/portal/dist or apps/admin/dist). Hashed assets are cached for a
 * year; index.html is never cached so a deploy takes effect on the next navigation.
 */
export function createSpaServer(distDir: string) {
  const root = path.resolve(distDir);

  async function asset(c: Context, relativePath: string) {
    const file = path.resolve(root, `.${path.posix.normalize(`/${relativePath}`)}`);
    if (!file.startsWith(root + path.sep)) return c.notFound();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return c.notFound();
    const body = await readFile(file);
    c.header('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
    c.header('Cache-Control', relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(body);
  }

  async function index(c: Context) {
    const body = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => null);
    if (body === null) {
      return c.text(`The app at ${root} is not built. Run: npm run build`, 503);
    }
    c.header('Cache-Control', 'no-store');
    return c.html(body);
  }

  return { asset, index };
}
