import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

const MINUTE = 60_000;

describe('sign-in throttling', () => {
  let api: TestApi;
  let email: string;

  beforeAll(async () => {
    api = await createTestApi();
    email = `secretariat-${api.tenantA.slug}@example.jp`;
    await api.staff(api.tenantA, 'secretariat');
  });
  afterAll(() => api.close());

  const attempt = (password: string, address = '192.0.2.10') =>
    api.admin(api.tenantA, null, { clientAddress: address }).session.signIn({ email, password });

  it('slows repeated failures for one account, then refuses for a while and says so', async () => {
    api.sleeps.length = 0;
    for (let i = 0; i < 4; i++)
      await expect(attempt('wrong-password-1')).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'auth.invalidCredentials' });
    // Failures 4 and 5 waited before checking, each longer than the one before.
    expect(api.sleeps).toEqual([250]);
    const fifth = attempt('wrong-password-1');
    await expect(fifth).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'auth.throttled' });
    await fifth.catch((error: { messageParams?: unknown }) => expect(error.messageParams).toEqual({ minutes: 15 }));
    expect(api.sleeps).toEqual([250, 500]);

    // Even the right password is refused while locked, from any address.
    await expect(attempt(TEST_PASSWORD, '198.51.100.7')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    api.clock.advance(15 * MINUTE);
    await expect(attempt(TEST_PASSWORD)).resolves.toMatchObject({ user: { displayName: expect.any(String) } });
  });

  it('counts failures per client address across accounts', async () => {
    for (let i = 0; i < 29; i++) {
      await api
        .admin(api.tenantA, null, { clientAddress: '203.0.113.5' })
        .session.signIn({ email: `nobody-${i}@example.jp`, password: 'wrong-password-1' })
        .catch(() => undefined);
    }
    await expect(
      api
        .admin(api.tenantA, null, { clientAddress: '203.0.113.5' })
        .session.signIn({ email: 'nobody-x@example.jp', password: 'wrong-password-1' }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('an unknown account and a wrong password fail the same way', async () => {
    api.clock.advance(60 * MINUTE);
    await expect(api.admin(api.tenantA).session.signIn({ email: 'unknown@example.jp', password: 'whatever-123' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'auth.invalidCredentials',
    });
  });
});
