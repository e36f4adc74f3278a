import { readFile, writeFile } from 'node:fs/promises';
import { type Database, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import { generatePassword } from '../cli/commands';
import { tenantUrl } from '../tenancy/tenant-url';
import { createApplicantUser, createStaffUser } from '../users/create-user';

/**
 * Demo accounts of embedded mode: a secretariat, a ministry and a tenant-admin user per demo
 * tenant, plus one applicant. Passwords are generated on first start, kept in DATA_DIR/demo-accounts.json (never in
 * the repo) and printed in the start banner, so a second start shows the same ones.
 */
export interface DemoAccount {
  tenant: string;
  app: 'admin' | 'portal';
  role: 'secretariat' | 'ministry' | 'tenant_admin' | 'applicant';
  /** Email for staff (admin sign-in), ユーザーID for the applicant (portal sign-in). */
  signIn: string;
  password: string;
}

function wantedAccounts(tenant: TenantRecord): Omit<DemoAccount, 'password'>[] {
  return [
    { tenant: tenant.slug, app: 'admin', role: 'secretariat', signIn: `secretariat@${tenant.slug}.example.jp` },
    { tenant: tenant.slug, app: 'admin', role: 'ministry', signIn: `ministry@${tenant.slug}.example.jp` },
    { tenant: tenant.slug, app: 'admin', role: 'tenant_admin', signIn: `admin@${tenant.slug}.example.jp` },
    { tenant: tenant.slug, app: 'portal', role: 'applicant', signIn: `demo-${tenant.slug}` },
  ];
}

async function userExists(owner: Database, tenantId: string, account: Omit<DemoAccount, 'password'>): Promise<boolean> {
  const match =
    account.app === 'portal'
      ? eq(schema.users.loginId, account.signIn)
      : and(eq(schema.users.email, account.signIn), eq(schema.users.kind, 'staff'));
  const rows = await withTenant(owner, tenantId, (tx) => tx.select({ id: schema.users.id }).from(schema.users).where(match));
  return rows.length > 0;
}

export async function ensureDemoAccounts(owner: Database, tenants: TenantRecord[], file: string): Promise<DemoAccount[]> {
  const saved: DemoAccount[] = JSON.parse((await readFile(file, 'utf8').catch(() => '[]')) || '[]');
  const result: DemoAccount[] = [];
  for (const tenant of tenants) {
    for (const wanted of wantedAccounts(tenant)) {
      const known = saved.find((a) => a.tenant === wanted.tenant && a.signIn === wanted.signIn);
      const exists = await userExists(owner, tenant.id, wanted);
      if (known && exists) {
        result.push(known);
        continue;
      }
      const password = generatePassword();
      if (exists) {
        // The credentials file was lost: give the account a fresh password we can show again.
        const passwordHash = await hashPassword(password);
        const match = wanted.app === 'portal' ? eq(schema.users.loginId, wanted.signIn) : eq(schema.users.email, wanted.signIn);
        await withTenant(owner, tenant.id, (tx) => tx.update(schema.users).set({ passwordHash }).where(match));
      } else if (wanted.role === 'applicant') {
        await createApplicantUser(owner, tenant.id, {
          loginId: wanted.signIn,
          email: `${wanted.signIn}@example.jp`,
          displayName: 'デモ申請者',
          corporateName: '社会福祉法人デモ会',
          password,
        });
      } else {
        const displayName = { secretariat: 'デモ事務局', ministry: 'デモ所管省庁', tenant_admin: 'デモ管理者' }[wanted.role];
        await createStaffUser(
          owner,
          tenant.id,
          { email: wanted.signIn, displayName, role: wanted.role, password },
          { adminSignInUrl: tenantUrl(tenant, '/admin/') },
        );
      }
      result.push({ ...wanted, password });
    }
  }
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`, { mode: 0o600 });
  return result;
}
