import { randomBytes } from 'node:crypto';
import { UnsafeDatabaseRoleError } from '@kyogikai/db';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from '@kyogikai/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env';
import { startApi } from '../src/main';
import { devMailboxRoutes } from '../src/rest/dev-mailbox';
import { createTestApi, type TestApi } from './helpers/test-api';

const productionEnv = {
  KYOGIKAI_MODE: 'production',
  DATABASE_APP_URL: 'postgres://kyogikai_app@db.internal:5432/kyogikai',
  REDIS_URL: 'redis://redis.internal:6379',
  S3_ENDPOINT: 'https://s3.ap-northeast-1.amazonaws.com',
  S3_REGION: 'ap-northeast-1',
  S3_BUCKET: 'kyogikai-files',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('run modes', () => {
  it('production requires every service setting and names each missing one', () => {
    expect(() => parseApiEnv({ KYOGIKAI_MODE: 'production' })).toThrow(
      /DATABASE_APP_URL is required[\s\S]*REDIS_URL[\s\S]*S3_ENDPOINT[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    expect(() => parseApiEnv({ ...productionEnv, REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
    expect(parseApiEnv(productionEnv).KYOGIKAI_MODE).toBe('production');
  });

  it('the mode is chosen explicitly, never guessed from the variables present', () => {
    const { KYOGIKAI_MODE: _mode, ...withoutMode } = productionEnv;
    expect(() => parseApiEnv(withoutMode)).toThrow(/KYOGIKAI_MODE must be one of: embedded, production, test/);
  });

  it('production refuses the development mailbox and demo data', () => {
    expect(() => parseApiEnv({ ...productionEnv, DEV_MAILBOX: '1' })).toThrow(/DEV_MAILBOX is not allowed in production mode/);
    expect(() => parseApiEnv({ ...productionEnv, SEED_DEMO_DATA: '1' })).toThrow(/SEED_DEMO_DATA is not allowed in production mode/);
    expect(() => devMailboxRoutes({ directory: '/tmp', mode: 'production' })).toThrow(/refused in production/);
  });

  describe('a production app', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await createTestApi({ mode: 'production', mailboxDirectory: '/tmp' });
    });
    afterAll(() => api.close());

    it('serves no mailbox and no embedded start page', async () => {
      expect((await api.app.request('/_dev/mailbox')).status).toBe(404);
      expect((await api.app.request('/_dev/mailbox/messages.json')).status).toBe(404);
    });

    it('resolves tenants by host only: the /t/<slug> prefix is not served', async () => {
      expect((await api.app.request(`/t/${api.tenantA.slug}/api/portal/trpc/tenant.get`)).status).toBe(404);
      const host = api.tenantA.allowedHosts[0] ?? '';
      expect((await api.app.request('/api/portal/trpc/tenant.get', { headers: { host } })).status).toBe(200);
    });

    it('uses __Host- prefixed Secure cookies', async () => {
      await api.staff(api.tenantA, 'secretariat');
      const host = api.tenantA.allowedHosts[0] ?? '';
      const response = await api.app.request('/api/admin/trpc/session.signIn', {
        method: 'POST',
        headers: { host, origin: new URL(api.tenantA.publicOrigin).origin, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email: `secretariat-${api.tenantA.slug}@example.jp`, password: 'correct-horse-42' } }),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^__Host-kyogikai-admin-session=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Path=/;');
    });
  });

  describe('the servers refuse an unsafe database role', () => {
    let testDb: TestDatabase;
    const ownerRole = `kyogikai_test_owner_${randomBytes(4).toString('hex')}`;
    beforeAll(async () => {
      testDb = await createTestDatabase();
      const sql = postgres(testDb.ownerUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`create role ${ownerRole} login nosuperuser nobypassrls`);
      await sql.unsafe(`create table scratch_owned (id int)`);
      await sql.unsafe(`alter table scratch_owned owner to ${ownerRole}`);
      await sql.end();
    });
    afterAll(async () => {
      await testDb.drop();
      const sql = postgres(testDb.ownerUrl.replace(/\/[^/]+$/, '/postgres'), { max: 1 });
      await sql.unsafe(`drop role if exists ${ownerRole}`);
      await sql.end();
    });

    const testEnv = (databaseUrl: string) => parseApiEnv({ KYOGIKAI_MODE: 'test', DATABASE_APP_URL: databaseUrl, PORT: '0' });

    it('refuses to start as a superuser', async () => {
      await expect(startApi(testEnv(testDb.ownerUrl))).rejects.toBeInstanceOf(UnsafeDatabaseRoleError);
    });

    it('refuses to start as the owner of a table', async () => {
      await expect(startApi(testEnv(testDatabaseUrl(testDb.name, ownerRole)))).rejects.toThrow(/owns/);
    });

    it('starts as the app role and reports healthy', async () => {
      const api = await startApi(testEnv(testDb.appUrl));
      try {
        const response = await fetch(`http://127.0.0.1:${api.port}/health`);
        expect(await response.json()).toMatchObject({ status: 'ok', mode: 'test' });
      } finally {
        await api.close();
      }
    });
  });
});
