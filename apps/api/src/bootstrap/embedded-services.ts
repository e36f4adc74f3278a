import path from 'node:path';
import {
  assertSafeAppRole,
  openPgliteDatabase,
  runMigrations,
  schema,
  seedDemoTenants,
  switchPgliteToAppRole,
  type TenantRecord,
} from '@kyogikai/db';
import { startInlineCertificateGeneration, startInlineMailDelivery } from '@kyogikai/worker/mail';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { certificateFileStoreOf } from '../certificates/certificate-file-store';
import { resolveDataDir, type TApiEnv } from '../env';
import { startMailCatcher } from '../mail/mail-catcher';
import { startEmbeddedS3 } from '../storage/embedded-s3';
import { createObjectStorage } from '../storage/object-storage';
import { ensureDemoAccounts } from './demo-accounts';
import { acquireEmbeddedLock } from './embedded-lock';
import { closer, type ServerServices } from './server-services';

type EmbeddedEnv = Extract<TApiEnv, { KYOGIKAI_MODE: 'embedded' }>;

/**
 * Everything `npm start` needs, with no services on the machine: PGlite under DATA_DIR, an
 * in-process S3-compatible store, a local mail catcher writing .eml files, and the worker's mail
 * processor run inline. Data survives restarts; demo tenants and accounts are created once.
 */
export async function startEmbeddedServices(env: EmbeddedEnv): Promise<ServerServices> {
  const dataDir = resolveDataDir(env.DATA_DIR);
  const shutdown = closer();
  try {
    shutdown.add(await acquireEmbeddedLock(dataDir));
    const baseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');

    const owner = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    shutdown.add(() => owner.close());
    await runMigrations(owner);
    const seeded = await seedDemoTenants(owner, { publicOriginFor: (slug) => `${baseUrl}/t/${slug}` });
    // Links in mail follow the address this start serves at, even if PORT changed since the seed.
    const tenants: TenantRecord[] = [];
    for (const tenant of seeded) {
      const publicOrigin = `${baseUrl}/t/${tenant.slug}`;
      if (tenant.publicOrigin !== publicOrigin) {
        await owner.db.update(schema.tenants).set({ publicOrigin }).where(eq(schema.tenants.id, tenant.id));
      }
      tenants.push({ ...tenant, publicOrigin });
    }
    const accounts = await ensureDemoAccounts(owner, tenants, path.join(dataDir, 'demo-accounts.json'));

    // From here on the process is the app role: RLS applies to every request.
    const database = await switchPgliteToAppRole(owner);
    await assertSafeAppRole(database);

    const s3 = await startEmbeddedS3({ directory: path.join(dataDir, 's3') });
    shutdown.add(() => s3.close());
    const storage = createObjectStorage(s3.settings);
    shutdown.add(() => storage.close());
    const catcher = await startMailCatcher(path.join(dataDir, 'mail'));
    shutdown.add(() => catcher.close());
    // Certificates are rendered in this process too (inline queue), into the embedded store.
    const certificates = startInlineCertificateGeneration({ database, store: certificateFileStoreOf(storage) });
    shutdown.add(() => certificates.close());
    // Outbox relay and mail processor in this process; mail lands in the catcher's folder.
    const delivery = startInlineMailDelivery({
      database,
      transport: nodemailer.createTransport(catcher.smtpUrl),
      relayIdleMs: 500,
      certificates: certificates.queue,
    });
    shutdown.add(() => delivery.close());
    const { jobs } = delivery;

    const bannerLines = [
      '',
      ...tenants.flatMap((tenant) => [
        `  ${tenant.nameJa} (${tenant.slug})`,
        `    Portal:  ${baseUrl}/t/${tenant.slug}/`,
        `    Admin:   ${baseUrl}/t/${tenant.slug}/admin/`,
        ...accounts
          .filter((a) => a.tenant === tenant.slug)
          .map((a) => `    ${a.role.padEnd(11)} ${a.app === 'admin' ? 'email' : 'ユーザーID'}: ${a.signIn}  password: ${a.password}`),
        '',
      ]),
      `  API health:  ${baseUrl}/health`,
      `  Dev mailbox: ${baseUrl}/_dev/mailbox   (files in ${catcher.directory})`,
      `  Data:        ${dataDir}   (demo passwords kept in demo-accounts.json)`,
    ];
    return {
      database,
      storage,
      jobs,
      mailboxDirectory: catcher.directory,
      devIndex: tenants.map((t) => ({ slug: t.slug, nameJa: t.nameJa })),
      bannerLines,
      close: () => shutdown.close(),
    };
  } catch (error) {
    await shutdown.close();
    throw error;
  }
}
