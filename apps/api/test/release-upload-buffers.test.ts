import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseUploadBuffers } from '../src/http/release-upload-buffers';

const withGc = globalThis as { gc?: unknown };
const original = withGc.gc;

afterEach(() => {
  withGc.gc = original;
});

function appWith(handler: () => Response | Promise<Response>) {
  const app = new Hono();
  app.use('*', releaseUploadBuffers());
  app.put('/upload', handler);
  app.onError((_error, c) => c.text('refused', 413));
  return app;
}

describe('G9 upload memory: releaseUploadBuffers', () => {
  it('asks V8 for an asynchronous young-generation collection after an accepted upload', async () => {
    const gc = vi.fn();
    withGc.gc = gc;
    const response = await appWith(() => new Response('stored', { status: 201 })).request('/upload', { method: 'PUT' });
    expect(response.status).toBe(201);
    expect(gc).toHaveBeenCalledExactlyOnceWith({ type: 'minor', execution: 'async' });
  });

  it('also after a refused upload (the refusal left the same buffers behind)', async () => {
    const gc = vi.fn();
    withGc.gc = gc;
    const response = await appWith(() => {
      throw new Error('too large');
    }).request('/upload', { method: 'PUT' });
    expect(response.status).toBe(413);
    expect(gc).toHaveBeenCalledOnce();
  });

  it('does nothing, and the upload still works, when the API runs without --expose-gc', async () => {
    withGc.gc = undefined;
    const response = await appWith(() => new Response('stored', { status: 201 })).request('/upload', { method: 'PUT' });
    expect(response.status).toBe(201);
  });
});
