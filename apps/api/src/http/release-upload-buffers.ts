import type { MiddlewareHandler } from 'hono';

type MinorGc = (options: { type: 'minor'; execution: 'async' }) => void;

/**
 * The API runs with `--expose-gc` (scripts/start-*.mjs, infra/Dockerfile, the e2e and bench
 * harnesses) so that this finds V8's collector. Without it the middleware does nothing and uploads
 * still work; they only cost more memory between collections.
 */
export function isUploadBufferReleaseAvailable(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

/**
 * After an upload (accepted or refused), asks V8 for an asynchronous young-generation collection.
 *
 * Why: a 10 MB upload passes through about 160 socket read buffers of 64 KB. The file is never held
 * (ADR 017), but those buffers are only returned to the system when V8 next scavenges, and an
 * upload allocates too few JS objects to trigger one soon; with Node's default young generation the
 * dead buffers of a few uploads in a row raised the API's peak RSS by 24-32 MB (docs/benchmarks.md),
 * over issue 5's 20 MB budget. A scavenge costs well under a millisecond and only uploads ask for
 * one, so ordinary requests pay nothing (unlike a smaller `--max-semi-space-size` for the whole
 * process, which made every request scavenge more often).
 */
export function releaseUploadBuffers(): MiddlewareHandler {
  return async (_c, next) => {
    try {
      await next();
    } finally {
      (globalThis as { gc?: MinorGc }).gc?.({ type: 'minor', execution: 'async' });
    }
  };
}
