import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './helpers/test-api';

const MINUTE = 60_000;

describe('A6 sessions with a controllable clock', () => {
  let api: TestApi;
  let staffEmail: string;

  beforeAll(async () => {
    api = await createTestApi();
    staffEmail = `secretariat-${api.tenantA.slug}@example.jp`;
    await api.staff(api.tenantA, 'secretariat');
    await api.applicant(api.tenantA);
  });
  afterAll(() => api.close());

  it('A6 30 idle minutes → signed out', async () => {
    const token = await api.signIn(api.tenantA, 'admin', staffEmail);
    api.clock.advance(29 * MINUTE);
    expect(await api.admin(api.tenantA, token).session.me()).not.toBeNull();
    api.clock.advance(1 * MINUTE);
    await expect(api.admin(api.tenantA, token).staff.find()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'auth.sessionExpired',
    });
    // The expired row was deleted on sight: the token can never come back.
    expect(await api.admin(api.tenantA, token).session.me()).toBeNull();
  });

  it('A6 a background status call does not extend the session', async () => {
    const token = await api.signIn(api.tenantA, 'admin', staffEmail);
    api.clock.advance(20 * MINUTE);
    const status = await api.admin(api.tenantA, token).session.status();
    expect(status.signedIn).toBe(true);
    expect(status.idleExpiresAt?.getTime()).toBe(api.clock.now().getTime() + 10 * MINUTE);
    // A background refetch of a protected query (no user-activity header) does not count either.
    await api.admin(api.tenantA, token).staff.find();
    api.clock.advance(10 * MINUTE);
    expect((await api.admin(api.tenantA, token).session.status()).signedIn).toBe(false);
  });

  it('A6 a user-initiated request and 「ログインを延長する」 extend the session', async () => {
    const token = await api.signIn(api.tenantA, 'admin', staffEmail);
    api.clock.advance(20 * MINUTE);
    await api.admin(api.tenantA, token, { isUserActivity: true }).staff.find();
    api.clock.advance(20 * MINUTE);
    const extended = await api.admin(api.tenantA, token).session.extend();
    expect(extended.idleExpiresAt.getTime()).toBe(api.clock.now().getTime() + 30 * MINUTE);
    api.clock.advance(29 * MINUTE);
    expect((await api.admin(api.tenantA, token).session.status()).signedIn).toBe(true);
  });

  it('sessions end after the absolute lifetime however active', async () => {
    const token = await api.signIn(api.tenantA, 'admin', staffEmail);
    // Active every 20 minutes for 11 h 40 min: still signed in.
    for (let step = 0; step < 35; step++) {
      api.clock.advance(20 * MINUTE);
      await api.admin(api.tenantA, token).session.extend();
    }
    api.clock.advance(20 * MINUTE);
    expect(await api.admin(api.tenantA, token).session.me()).toBeNull();
  });

  it('the database holds the token’s SHA-256 hash, never the token', async () => {
    const token = await api.signIn(api.tenantA, 'portal', `user-${api.tenantA.slug}`);
    const ids = (await api.sessionRows(api.tenantA)).map((row) => row.id);
    expect(ids).not.toContain(token);
    expect(ids).toContain(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
  });

  it('sign-in rotates the session: a new token, and the one the browser held is ended', async () => {
    const first = await api.signIn(api.tenantA, 'admin', staffEmail);
    const second = await api.signIn(api.tenantA, 'admin', staffEmail, { sessionToken: first });
    expect(second).not.toBe(first);
    expect(await api.admin(api.tenantA, first).session.me()).toBeNull();
    expect(await api.admin(api.tenantA, second).session.me()).not.toBeNull();
  });

  it('sign-out deletes the session', async () => {
    const token = await api.signIn(api.tenantA, 'admin', staffEmail);
    await api.admin(api.tenantA, token).session.signOut();
    expect(await api.admin(api.tenantA, token).session.me()).toBeNull();
  });
});
