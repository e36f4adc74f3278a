import { schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import type { TSessionApp } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import type { ApiDeps } from '../../src/app-deps';
import { createApp } from '../../src/app';
import { defaultThrottlePolicy } from '../../src/auth/sign-in-throttle';
import { createManualClock } from '../../src/clock';
import { unavailableFileStore } from '../../src/storage/object-storage';
import { tenantUrl } from '../../src/tenancy/tenant-url';
import { adminRouter } from '../../src/trpc/admin/router';
import type { ApiContext } from '../../src/trpc/context';
import { createCallerFactory } from '../../src/trpc/init';
import { portalRouter } from '../../src/trpc/portal/router';
import { createApplicantUser, createStaffUser } from '../../src/users/create-user';

export const TEST_PASSWORD = 'correct-horse-42';

const portalCaller = createCallerFactory(portalRouter);
const adminCaller = createCallerFactory(adminRouter);

/**
 * A real database (own PostgreSQL database per test file), two tenants, a controllable clock and
 * the real HTTP app. Callers get both ways in: `request` through HTTP (cookies, headers, CSRF) and
 * `caller` straight into the routers (procedure-builder tests).
 */
export async function createTestApi(overrides: Partial<ApiDeps> = {}) {
  const testDb: TestDatabase = await createTestDatabase();
  const tenantA = await createTenantFixture(testDb.owner, `alpha${Math.random().toString(36).slice(2, 8)}`);
  const tenantB = await createTenantFixture(testDb.owner, `beta${Math.random().toString(36).slice(2, 8)}`);
  const clock = createManualClock();
  const sleeps: number[] = [];
  const deps: ApiDeps = {
    mode: 'test',
    database: testDb.app,
    jobs: { health: async () => 'ok' },
    storage: unavailableFileStore(),
    clock,
    sessionPolicy: { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000, warningMs: 120_000 },
    throttlePolicy: defaultThrottlePolicy,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    staticRoots: { portal: '/nonexistent/portal', admin: '/nonexistent/admin' },
    ...overrides,
  };
  const app = createApp(deps);

  const staff = async (
    tenant: TenantRecord,
    role: 'secretariat' | 'ministry' | 'tenant_admin',
    email = `${role}-${tenant.slug}@example.jp`,
  ) =>
    createStaffUser(
      testDb.owner,
      tenant.id,
      { email, displayName: `${role} of ${tenant.slug}`, role, password: TEST_PASSWORD },
      { adminSignInUrl: tenantUrl(tenant, '/admin/') },
    );
  const applicant = async (tenant: TenantRecord, loginId = `user-${tenant.slug}`) =>
    createApplicantUser(testDb.owner, tenant.id, {
      loginId,
      email: `${loginId}@example.jp`,
      displayName: `申請者 ${loginId}`,
      corporateName: `法人 ${loginId}`,
      password: TEST_PASSWORD,
    });

  /** The context the HTTP layer would build for `appName` of `tenant`, holding `token` (if any). */
  function contextFor(tenant: TenantRecord, appName: TSessionApp, token: string | null = null, extra: Partial<ApiContext> = {}) {
    const cookieJar = { token, cleared: false };
    const ctx: ApiContext = {
      app: appName,
      tenant,
      database: deps.database,
      storage: deps.storage,
      clock: deps.clock,
      sessionPolicy: deps.sessionPolicy,
      throttlePolicy: deps.throttlePolicy,
      sleep: deps.sleep,
      sessionToken: token,
      isUserActivity: false,
      clientAddress: '192.0.2.10',
      tenantUrl: (path) => tenantUrl(tenant, path),
      cookies: {
        setSession: (value) => {
          cookieJar.token = value;
        },
        clearSession: () => {
          cookieJar.cleared = true;
        },
      },
      ...extra,
    };
    return { ctx, cookieJar };
  }
  const portal = (tenant: TenantRecord, token: string | null = null, extra: Partial<ApiContext> = {}) =>
    portalCaller(contextFor(tenant, 'portal', token, extra).ctx);
  const admin = (tenant: TenantRecord, token: string | null = null, extra: Partial<ApiContext> = {}) =>
    adminCaller(contextFor(tenant, 'admin', token, extra).ctx);

  /** Signs in through the procedures and returns the session token the cookie would carry. */
  async function signIn(tenant: TenantRecord, appName: TSessionApp, identifier: string, extra: Partial<ApiContext> = {}): Promise<string> {
    const { ctx, cookieJar } = contextFor(tenant, appName, extra.sessionToken ?? null, extra);
    if (appName === 'portal') await portalCaller(ctx).session.signIn({ loginId: identifier, password: TEST_PASSWORD });
    else await adminCaller(ctx).session.signIn({ email: identifier, password: TEST_PASSWORD });
    if (!cookieJar.token || cookieJar.token === extra.sessionToken) throw new Error('sign-in set no new session cookie');
    return cookieJar.token;
  }

  async function sessionRows(tenant: TenantRecord) {
    return withTenant(testDb.owner, tenant.id, (tx) => tx.select().from(schema.sessions).where(eq(schema.sessions.tenantId, tenant.id)));
  }

  return {
    app,
    deps,
    clock,
    sleeps,
    testDb,
    tenantA,
    tenantB,
    staff,
    applicant,
    contextFor,
    signIn,
    sessionRows,
    portal,
    admin,
    close: () => testDb.drop(),
  };
}
export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
