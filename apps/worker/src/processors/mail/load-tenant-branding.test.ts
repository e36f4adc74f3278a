import { renderEmail } from '@kyogikai/email';
import { isPermanentJobError } from '@kyogikai/jobs';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantBrandingLoader } from './load-tenant-branding';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('createTenantBrandingLoader (app role, row-level security)', () => {
  it('maps the tenant row and config to email branding that renders', async () => {
    const tenant = await createTenantFixture(testDb.owner);
    const branding = await createTenantBrandingLoader(testDb.app)(tenant.id);

    expect(branding).toEqual({
      tenantName: { ja: tenant.nameJa, en: tenant.nameEn },
      publicOrigin: tenant.publicOrigin,
      mailSender: tenant.config.mailSender,
      secretariatContact: tenant.config.secretariatContact,
    });
    const email = await renderEmail(
      'staff-account-created',
      { recipientName: '試験 花子', loginEmail: 'hanako@example.com', signInUrl: `${tenant.publicOrigin}/admin/sign-in` },
      branding,
    );
    expect(email.subject).toBe(`【${tenant.nameJa}】管理画面のアカウントが作成されました`);
  });

  it('loads each tenant only inside its own scope', async () => {
    const [a, b] = [await createTenantFixture(testDb.owner), await createTenantFixture(testDb.owner)];
    const load = createTenantBrandingLoader(testDb.app);
    expect((await load(a.id)).tenantName.ja).toBe(a.nameJa);
    expect((await load(b.id)).tenantName.ja).toBe(b.nameJa);
  });

  it('fails permanently for a tenant that does not exist', async () => {
    const error = await createTenantBrandingLoader(testDb.app)('00000000-0000-4000-8000-000000000000').catch((caught: unknown) => caught);
    expect(isPermanentJobError(error)).toBe(true);
  });
});
