import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { listCapturedMail } from '../mail/mail-catcher';

/**
 * The development mailbox: mail captured by the local catcher, newest first. Only ever mounted in
 * embedded and test modes; creating it in production is a programming error and throws.
 */
export function devMailboxRoutes(options: { directory: string; mode: string }) {
  if (options.mode === 'production') throw new Error('The development mailbox is refused in production mode.');
  const { directory } = options;
  return new Hono()
    .get('/', async (c) => {
      const mails = await listCapturedMail(directory);
      c.header('Cache-Control', 'no-store');
      return c.html(html`<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>開発用メールボックス / Dev mailbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.6;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style></head>
<body><main><h1>開発用メールボックス <small>(Development mailbox, newest first)</small></h1>
<p>${mails.length} 件 / messages. Files: <code>${directory}</code></p>
<table><thead><tr><th scope="col">受信日時</th><th scope="col">件名</th><th scope="col">宛先</th><th scope="col">本文</th></tr></thead><tbody>
${mails.map(
  (m) =>
    html`<tr><td>${m.receivedAt.toISOString()}</td><td><a href="mailbox/${m.file}">${m.subject}</a></td><td>${m.to}</td><td><pre>${m.text.slice(0, 2000)}</pre></td></tr>`,
)}
</tbody></table></main></body></html>`);
    })
    .get('/messages.json', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await listCapturedMail(directory));
    })
    .get('/:file{[A-Za-z0-9._-]+\\.eml}', async (c) => {
      const file = path.join(directory, path.basename(c.req.param('file')));
      const body = await readFile(file).catch(() => null);
      if (!body) return c.notFound();
      c.header('Content-Type', 'message/rfc822');
      c.header('Content-Disposition', `attachment; filename="${path.basename(file)}"`);
      return c.body(body);
    });
}
