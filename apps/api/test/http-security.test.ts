import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import superjson from 'superjson';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

type TrpcBody = {
  result: { data: Parameters<typeof superjson.deserialize>[0] };
  error: { json: { data: { messageKey: string; fieldErrors: unknown } } };
};
const body = async (response: Response) => (await response.json()) as TrpcBody;

describe('HTTP: tenancy, CSRF, headers, links', () => {
  let api: TestApi;
  let originA: string;
  let prefixA: string;

  beforeAll(async () => {
    api = await createTestApi();
    await api.staff(api.tenantA, 'secretariat');
    await api.applicant(api.tenantA);
    originA = new URL(api.tenantA.publicOrigin).origin;
    prefixA = `/t/${api.tenantA.slug}`;
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(superjson.serialize(body)),
    });

  it('refuses a state-changing request from another origin (CSRF)', async () => {
    const response = await post(
      `${prefixA}/api/admin/trpc/session.signIn`,
      { email: `secretariat-${api.tenantA.slug}@example.jp`, password: TEST_PASSWORD },
      {
        origin: 'https://evil.example',
      },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a write with neither Origin nor same-origin fetch metadata', async () => {
    const response = await post(`${prefixA}/api/admin/trpc/session.signOut`, null);
    expect(response.status).toBe(403);
  });

  it('accepts the same request from the tenant’s own origin and sets an HttpOnly SameSite=Lax cookie', async () => {
    const response = await post(
      `${prefixA}/api/admin/trpc/session.signIn`,
      { email: `secretariat-${api.tenantA.slug}@example.jp`, password: TEST_PASSWORD },
      {
        origin: originA,
      },
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kyogikai-admin-session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain(`Path=${prefixA}/`);
  });

  it('A6 portal and admin sessions coexist in one browser (different cookie names)', async () => {
    const admin = await post(
      `${prefixA}/api/admin/trpc/session.signIn`,
      { email: `secretariat-${api.tenantA.slug}@example.jp`, password: TEST_PASSWORD },
      { origin: originA },
    );
    const portal = await post(
      `${prefixA}/api/portal/trpc/session.signIn`,
      { loginId: `user-${api.tenantA.slug}`, password: TEST_PASSWORD },
      { origin: originA },
    );
    const jar = [admin, portal].map((r) => (r.headers.get('set-cookie') ?? '').split(';')[0]).join('; ');
    const me = async (app: string) => {
      const response = await api.app.request(`${prefixA}/api/${app}/trpc/session.me`, { headers: { cookie: jar } });
      return superjson.deserialize<{ user: { role: string } } | null>((await body(response)).result.data);
    };
    expect((await me('admin'))?.user.role).toBe('secretariat');
    expect((await me('portal'))?.user.role).toBe('applicant');
  });

  it('sets security headers on every response', async () => {
    for (const path of ['/health', `${prefixA}/`, `${prefixA}/api/portal/trpc/tenant.get`, '/t/no-such-council/']) {
      const response = await api.app.request(path);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('builds links from the configured origin even when the Host header lies', async () => {
    const response = await api.app.request(`${prefixA}/api/portal/trpc/tenant.get`, {
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    const data = superjson.deserialize<{ links: { portal: string; admin: string } }>((await body(response)).result.data);
    expect(data.links.portal).toBe(`${api.tenantA.publicOrigin}/`);
    expect(data.links.admin.startsWith(api.tenantA.publicOrigin)).toBe(true);
    expect(JSON.stringify(data)).not.toContain('evil.example');
  });

  it('an unknown tenant is a 404 page, not a crash', async () => {
    const page = await api.app.request('/t/no-such-council/');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('ページが見つかりません');
    const apiCall = await api.app.request('/t/no-such-council/api/portal/trpc/tenant.get');
    expect(apiCall.status).toBe(404);
    const unknownHost = await api.app.request('/', { headers: { host: 'unknown.example.jp' } });
    expect(unknownHost.status).toBe(404);
  });

  it('resolves the tenant from an allow-listed host', async () => {
    const host = api.tenantA.allowedHosts[0];
    if (!host) throw new Error('fixture tenant has no allowed host');
    const response = await api.app.request('/api/portal/trpc/tenant.get', { headers: { host } });
    expect(response.status).toBe(200);
    expect(superjson.deserialize<{ slug: string }>((await body(response)).result.data).slug).toBe(api.tenantA.slug);
  });

  it('/health reports database, queue and storage', async () => {
    const response = await api.app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', queue: 'ok', storage: 'ok' } });
  });

  it('input errors carry field paths and message keys for the UI', async () => {
    const response = await post(`${prefixA}/api/admin/trpc/session.signIn`, { email: 'not-an-email', password: '' }, { origin: originA });
    expect(response.status).toBe(400);
    const { error } = await body(response);
    expect(error.json.data.messageKey).toBe('validation.failed');
    expect(error.json.data.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: 'email', messageKey: 'validation.email' },
        { path: 'password', messageKey: 'auth.passwordRequired', messageParams: { min: 1 } },
      ]),
    );
  });

  it('A2 password field errors carry the bound the sentence needs', async () => {
    const response = await post(
      `${prefixA}/api/portal/trpc/account.requestProvisional`,
      {
        corporateName: '社会福祉法人テスト会',
        contactName: '担当 太郎',
        email: 'a2@example.jp',
        emailConfirmation: 'a2@example.jp',
        phone: '03-1234-5678',
        password: 'abc1',
        passwordConfirmation: 'abc1',
        consents: { 'privacy-policy': '', charter: '', 'membership-rules': '' },
      },
      { origin: originA },
    );
    expect(response.status).toBe(400);
    const { error } = await body(response);
    expect(error.json.data.fieldErrors).toEqual(
      expect.arrayContaining([{ path: 'password', messageKey: 'password.tooShort', messageParams: { min: 8 } }]),
    );
  });

  it('compresses tRPC JSON for a browser that accepts gzip, and sends it plain otherwise', async () => {
    const url = `${prefixA}/api/portal/trpc/tenant.consentDocuments`;
    const plain = await api.app.request(url, { headers: { origin: originA } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainText = await plain.text();
    const gzipped = await api.app.request(url, { headers: { origin: originA, 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await gzipped.arrayBuffer());
    expect(gunzipSync(bytes).toString('utf8')).toBe(plainText);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(plainText));
  });
});
