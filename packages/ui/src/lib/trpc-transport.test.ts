import type { Operation } from '@trpc/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActivityTracker, USER_ACTIVITY_WINDOW_MS } from './activity';
import { createTrpcTransport, isBackgroundOperation } from './trpc-transport';

function op(path: string, context: Record<string, unknown> = {}): Operation {
  return { id: 1, type: 'query', path, input: undefined, context, signal: null };
}

describe('user-activity transport (SPEC A6: only user actions extend the session)', () => {
  afterEach(() => vi.useRealTimers());

  it('treats a request as user-initiated only within 5 s of a key or pointer press', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const target = new EventTarget();
    const tracker = createActivityTracker(target as unknown as Window);
    const transport = createTrpcTransport(tracker);
    expect(transport.isUserInitiated(op('session.me'))).toBe(false);

    target.dispatchEvent(new Event('keydown'));
    expect(transport.isUserInitiated(op('session.me'))).toBe(true);
    vi.advanceTimersByTime(USER_ACTIVITY_WINDOW_MS + 1);
    expect(transport.isUserInitiated(op('session.me'))).toBe(false);

    target.dispatchEvent(new Event('pointerdown'));
    expect(transport.isUserInitiated(op('session.signOut'))).toBe(true);
    tracker.dispose();
  });

  it('never marks the status poll or background calls, even right after a click', () => {
    const target = new EventTarget();
    const tracker = createActivityTracker(target as unknown as Window);
    const transport = createTrpcTransport(tracker);
    target.dispatchEvent(new Event('pointerdown'));
    expect(isBackgroundOperation(op('session.status'))).toBe(true);
    expect(transport.isUserInitiated(op('session.status'))).toBe(false);
    expect(transport.isUserInitiated(op('session.me', { background: true }))).toBe(false);
    tracker.dispose();
  });

  it('sends the header and same-origin credentials on user requests and reports completion', async () => {
    const tracker = createActivityTracker(new EventTarget() as unknown as Window);
    const seen: RequestInit[] = [];
    const transport = createTrpcTransport(tracker, async (_input, init) => {
      seen.push(init ?? {});
      return new Response('[]');
    });
    const completed = vi.fn();
    tracker.onUserRequestCompleted(completed);

    await transport.userFetch('/t/kaigo/api/portal/trpc/session.me', { method: 'GET' });
    await transport.backgroundFetch('/t/kaigo/api/portal/trpc/session.status', { method: 'GET' });
    expect(transport.userHeaders()).toEqual({ 'x-user-activity': '1' });
    expect(seen.map((init) => init.credentials)).toEqual(['same-origin', 'same-origin']);
    expect(completed).toHaveBeenCalledTimes(1);
    tracker.dispose();
  });
});
