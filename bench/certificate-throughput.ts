// Certificates per second per worker process (issue 6 acceptance, ADR 018).
//
//   npx tsx bench/certificate-throughput.ts [count=40]
//
// Two figures, one process:
// - render: renderCertificate alone (font subset, PDF, QR), sequentially, after a warm-up;
// - job: the whole certificate job as the worker runs it with concurrency 1 — load the row in the
//   tenant, render, PutObject to an S3-compatible store, then the guarded update + the member's
//   mail in the outbox + audit — against a fresh PostgreSQL test database and an s3rver in this
//   process (so the store's own work counts against the figure, as in test wiring).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { certificateJobId, schema, withTenant } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase } from '@kyogikai/db/testing';
import { buildCertificateSnapshot } from '@kyogikai/domain';
import { createCertificateProcessor } from '@kyogikai/worker/mail';
import { inArray, sql } from 'drizzle-orm';
import { certificateFileStoreOf } from '../apps/api/src/certificates/certificate-file-store';
import { startEmbeddedS3 } from '../apps/api/src/storage/embedded-s3';
import { createObjectStorage } from '../apps/api/src/storage/object-storage';
import { approve, memberOrganisation, staffUser } from '../apps/api/test/certificate-fixtures';
import { renderCertificate } from '../apps/worker/src/certificate/render-certificate';
import { newVerificationCode, verificationUrl } from '../apps/worker/src/certificate/verification-code';
import { machine } from './api-harness';

const count = Number(process.argv[2] ?? 40);
if (!Number.isInteger(count) || count < 5) throw new Error('count must be an integer ≥ 5');
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function renderOnly() {
  const snapshot = buildCertificateSnapshot({
    settings: {
      titleJa: '入会証明書',
      bodyJa: '上記の者は、介護分野における特定技能協議会の構成員であることを証明します。',
      issuerLineJa: '厚生労働省 社会・援護局 福祉基盤課長',
      fields: ['corporateName', 'corporateAddress', 'representativeTitle', 'representativeName'],
    },
    councilNameJa: '介護分野における特定技能協議会',
    membershipNumber: 'KG-000123',
    issueNumber: 1,
    issuedAt: new Date(),
    source: {
      corporateName: '株式会社髙﨑商事',
      postalCode: '1000013',
      prefecture: '東京都',
      city: '千代田区',
      town: '霞が関1-2-2',
      building: '中央合同庁舎5号館',
      representativeTitle: '代表取締役',
      representativeName: '髙橋 一郎',
    },
  });
  const once = async () => {
    const code = newVerificationCode();
    return renderCertificate({
      snapshot,
      verificationCode: code,
      verificationUrl: verificationUrl({ publicOrigin: 'https://kaigo.example.jp' }, code),
    });
  };
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    bytes = (await once()).byteLength;
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, medianMs: median(times), bytes };
}

async function wholeJob() {
  const db = await createTestDatabase();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-bench-cert-'));
  const s3 = await startEmbeddedS3({ directory: dir });
  const storage = createObjectStorage(s3.settings);
  try {
    const tenant = await createTenantFixture(db.owner);
    const staffId = await staffUser(db.app, tenant.id);
    const ids: string[] = [];
    for (let i = 0; i < count + 3; i++) {
      const member = await memberOrganisation(db.app, tenant.id, { corporateName: `株式会社髙﨑商事${i}` });
      ids.push((await approve(db.app, tenant, member.organisationId, staffId)).certificateId);
    }
    // No relay runs here: the rows are taken as the relay would leave them.
    await withTenant(db.app, tenant.id, (tx) =>
      tx.update(schema.outboxMessages).set({ status: 'enqueued', enqueuedAt: new Date() }).where(sql`kind = 'certificate'`),
    );
    const processor = createCertificateProcessor({ database: db.app, store: certificateFileStoreOf(storage), logger: quiet });
    const job = (id: string) => ({
      tenantId: tenant.id,
      messageId: certificateJobId(id),
      certificateId: id,
      notifyTemplate: 'application-approved' as const,
    });
    for (const id of ids.slice(0, 3)) await processor.process(job(id));
    const times: number[] = [];
    const started = performance.now();
    for (const id of ids.slice(3)) {
      const t = performance.now();
      await processor.process(job(id));
      times.push(performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = await withTenant(db.app, tenant.id, (tx) =>
      tx.select({ key: schema.certificates.objectKey }).from(schema.certificates).where(inArray(schema.certificates.id, ids)),
    );
    if (stored.some((row) => !row.key)) throw new Error('a certificate was not stored');
    return { perSecond: count / seconds, medianMs: median(times) };
  } finally {
    storage.close();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  }
}

async function main() {
  const render = await renderOnly();
  const job = await wholeJob();
  console.log(`certificate throughput, ${new Date().toISOString().slice(0, 10)}, ${machine()}, load ${os.loadavg()[0]?.toFixed(1)}`);
  console.log(
    `render only: ${render.perSecond.toFixed(1)} certificates/s (median ${render.medianMs.toFixed(0)} ms, ${(render.bytes / 1024).toFixed(0)} KB), ${count} sequential`,
  );
  console.log(
    `whole job:   ${job.perSecond.toFixed(1)} certificates/s (median ${job.medianMs.toFixed(0)} ms), ${count} sequential, one process`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
