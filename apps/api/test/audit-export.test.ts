import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../src/rest/audit-export';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

describe('G1 audit trail CSV export: a plain streaming route with the session checks of tRPC', () => {
  let api: TestApi;
  const cookieOf = async (tenantSlug: string, origin: string, email: string) => {
    const response = await api.app.request(`/t/${tenantSlug}/api/admin/trpc/session.signIn`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify(superjson.serialize({ email, password: TEST_PASSWORD })),
    });
    expect(response.status).toBe(200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const exportAs = (tenantSlug: string, cookie?: string) =>
    api.app.request(`/t/${tenantSlug}/api/admin/export/audit-events.csv`, { headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    api = await createTestApi();
    await api.staff(api.tenantA, 'secretariat');
    await api.staff(api.tenantA, 'ministry');
    await api.staff(api.tenantB, 'secretariat', 'secretariat-b@example.jp');
  });
  afterAll(() => api.close());

  it('no session → 401', async () => {
    expect((await exportAs(api.tenantA.slug)).status).toBe(401);
  });

  it('wrong role → 403', async () => {
    const cookie = await cookieOf(api.tenantA.slug, new URL(api.tenantA.publicOrigin).origin, `ministry-${api.tenantA.slug}@example.jp`);
    expect((await exportAs(api.tenantA.slug, cookie)).status).toBe(403);
  });

  it('another tenant’s session → 401, and each export holds only its own tenant’s events', async () => {
    const cookieB = await cookieOf(api.tenantB.slug, new URL(api.tenantB.publicOrigin).origin, 'secretariat-b@example.jp');
    expect((await exportAs(api.tenantA.slug, cookieB)).status).toBe(401);

    const cookieA = await cookieOf(
      api.tenantA.slug,
      new URL(api.tenantA.publicOrigin).origin,
      `secretariat-${api.tenantA.slug}@example.jp`,
    );
    const response = await exportAs(api.tenantA.slug, cookieA);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('admin.signed_in');
    expect(text).toContain(`secretariat-${api.tenantA.slug}@example.jp`);
    expect(text).not.toContain('secretariat-b@example.jp');
  });

  it('CSV fields are quoted and formulas neutralised', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });
});
