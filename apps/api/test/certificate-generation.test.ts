import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { certificateJobId, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { CERTIFICATE_QUEUE_CONFIG, createInlineCertificateQueue } from '@kyogikai/jobs';
import { createCertificateProcessor, startInlineCertificateGeneration, startInlineMailDelivery } from '@kyogikai/worker/mail';
import { pdfText } from '@kyogikai/worker/test-support/poppler';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFileStoreOf } from '../src/certificates/certificate-file-store';
import { issueCertificate } from '../src/certificates/issue-certificate';
import { listCapturedMail, startMailCatcher } from '../src/mail/mail-catcher';
import {
  approve,
  hashVerificationCode,
  memberOrganisation,
  ownObjectStore,
  printedCode,
  readObject,
  staffUser,
  until,
} from './certificate-fixtures';

// From "a certificate row was issued" to "a PDF is stored and the member is mailed" (SPEC C3, E1;
// ADR 018), in the embedded-mode wiring: inline certificate and mail queues, the outbox relay, an
// in-process S3 store and mail catcher, real PostgreSQL as kyogikai_app.

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let db: TestDatabase;
let tenant: TenantRecord;
let staffId: string;
let store: Awaited<ReturnType<typeof ownObjectStore>>;
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
let certificates: ReturnType<typeof startInlineCertificateGeneration>;
let delivery: ReturnType<typeof startInlineMailDelivery>;

const certificateRow = async (id: string) => {
  const [row] = await withTenant(db.app, tenant.id, (tx) => tx.select().from(schema.certificates).where(eq(schema.certificates.id, id)));
  if (!row) throw new Error('no certificate row');
  return row;
};
const outboxRow = async (messageId: string) => {
  const [row] = await withTenant(db.app, tenant.id, (tx) =>
    tx.select().from(schema.outboxMessages).where(sql`${schema.outboxMessages.payload} ->> 'messageId' = ${messageId}`),
  );
  return row;
};

/**
 * Issues a certificate with its outbox row already "enqueued" in the same transaction, so the
 * running relay never sees it: the test runs the job itself.
 */
const issueUnrelayed = (organisationId: string, reason: 'application_approved' | 'reissue' = 'application_approved') =>
  withTenant(db.app, tenant.id, async (tx) => {
    const issued = await issueCertificate(tx, {
      tenant,
      organisationId,
      actorUserId: staffId,
      reason,
      notifyTemplate: reason === 'reissue' ? 'certificate-reissued' : 'application-approved',
      now: new Date(),
    });
    await tx
      .update(schema.outboxMessages)
      .set({ status: 'enqueued', enqueuedAt: new Date() })
      .where(sql`${schema.outboxMessages.payload} ->> 'messageId' = ${certificateJobId(issued.certificateId)}`);
    return issued;
  });

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db.owner);
  staffId = await staffUser(db.app, tenant.id);
  store = await ownObjectStore();
  catcher = await startMailCatcher(await mkdtemp(path.join(os.tmpdir(), 'kyogikai-cert-mail-')));
  certificates = startInlineCertificateGeneration({ database: db.app, store: certificateFileStoreOf(store.storage), logger: quiet });
  delivery = startInlineMailDelivery({
    database: db.app,
    transport: nodemailer.createTransport(catcher.smtpUrl),
    relayIdleMs: 50,
    logger: quiet,
    certificates: certificates.queue,
  });
});

afterAll(async () => {
  await delivery?.close();
  await certificates?.close();
  await catcher?.close();
  await store?.close();
  await db?.drop();
});

describe('certificate generation (SPEC C3, E1; ADR 018)', () => {
  it('C3 an approval ends with the PDF stored under the organisation, its printed code matching the stored hash, and the member mailed once', async () => {
    const member = await memberOrganisation(db.app, tenant.id);
    const issued = await approve(db.app, tenant, member.organisationId, staffId);

    await until(async () => (await certificateRow(issued.certificateId)).objectKey !== null, 20_000, 'the PDF to be stored');
    const row = await certificateRow(issued.certificateId);
    expect(row.objectKey).toMatch(
      new RegExp(`^tenants/${tenant.id}/organisations/${member.organisationId}/certificates/${issued.certificateId}/[0-9a-f-]{36}\\.pdf$`),
    );
    expect(row).toMatchObject({ state: 'issued', failureReason: null, verificationCodeHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const pdf = await readObject(store.storage, row.objectKey as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('株式会社髙﨑商事');
    expect(text).toContain(member.membershipNumber);
    const code = printedCode(text);
    expect(code.replace(/-/g, '')).toHaveLength(32);
    expect(hashVerificationCode(code)).toBe(row.verificationCodeHash);
    expect(text.replace(/\s+/g, '')).toContain(`${tenant.publicOrigin}/verify/${code.replace(/-/g, '')}`);
    expect(await store.storage.list(`tenants/${tenant.id}/organisations/${member.organisationId}/certificates/`)).toEqual([row.objectKey]);

    expect(await outboxRow(certificateJobId(issued.certificateId))).toMatchObject({ kind: 'certificate', status: 'sent' });
    await until(
      async () => (await outboxRow(`certificate-mail.${issued.certificateId}`))?.status === 'sent',
      20_000,
      'the mail to be sent',
    );
    const mails = (await listCapturedMail(catcher.directory)).filter((m) => m.to.includes(member.contactEmail));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`【${tenant.nameJa}】入会承認と入会証明書発行のお知らせ（会員番号 ${member.membershipNumber}）`);
    expect(mails[0]?.text).toContain('ダウンロードは1回限り');

    const audit = await withTenant(db.app, tenant.id, (tx) =>
      tx
        .select({ action: schema.auditEvents.action })
        .from(schema.auditEvents)
        .where(eq(schema.auditEvents.targetId, issued.certificateId)),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['certificate.generated', 'certificate.issued']);
  });

  it('E1 a reissue stores a new PDF with issue number 2 and a new code, supersedes the first and mails certificate-reissued', async () => {
    const member = await memberOrganisation(db.app, tenant.id);
    const first = await approve(db.app, tenant, member.organisationId, staffId);
    await until(async () => (await certificateRow(first.certificateId)).objectKey !== null, 20_000, 'the first PDF');
    const second = await approve(db.app, tenant, member.organisationId, staffId, 'reissue');
    await until(async () => (await certificateRow(second.certificateId)).objectKey !== null, 20_000, 'the second PDF');

    const [old, fresh] = [await certificateRow(first.certificateId), await certificateRow(second.certificateId)];
    expect(old.state).toBe('superseded');
    expect(fresh).toMatchObject({ state: 'issued', issueNumber: 2, membershipNumber: member.membershipNumber });
    expect(fresh.verificationCodeHash).not.toBe(old.verificationCodeHash);
    expect(pdfText(await readObject(store.storage, fresh.objectKey as string))).toContain('第2号');
    await until(async () => (await outboxRow(`certificate-mail.${second.certificateId}`))?.status === 'sent', 20_000, 'the reissue mail');
    const subjects = (await listCapturedMail(catcher.directory)).filter((m) => m.to.includes(member.contactEmail)).map((m) => m.subject);
    expect(subjects).toContain(`【${tenant.nameJa}】入会証明書再発行のお知らせ（会員番号 ${member.membershipNumber}）`);
  });

  it('C3 a name with a character the font lacks fails visibly to staff (failure_reason, outbox failed), is not retried, and nothing is stored or mailed', async () => {
    const member = await memberOrganisation(db.app, tenant.id, { corporateName: '株式会社𠮷野商店' });
    const issued = await approve(db.app, tenant, member.organisationId, staffId);
    await until(async () => (await outboxRow(certificateJobId(issued.certificateId)))?.status === 'failed', 20_000, 'the job to fail');

    const row = await certificateRow(issued.certificateId);
    expect(row).toMatchObject({ objectKey: null, verificationCodeHash: null, failureReason: 'フォントに次の文字がありません: 𠮷' });
    expect(await outboxRow(certificateJobId(issued.certificateId))).toMatchObject({
      attempts: 1,
      lastError: 'フォントに次の文字がありません: 𠮷',
    });
    expect(await outboxRow(`certificate-mail.${issued.certificateId}`)).toBeUndefined();
    expect(await store.storage.list(`tenants/${tenant.id}/organisations/${member.organisationId}/`)).toEqual([]);
  });

  it('two attempts at once store one file: the loser deletes its own object, and the member gets one mail', async () => {
    const member = await memberOrganisation(db.app, tenant.id);
    const issued = await issueUnrelayed(member.organisationId);
    const processor = createCertificateProcessor({ database: db.app, store: certificateFileStoreOf(store.storage), logger: quiet });
    const job = {
      tenantId: tenant.id,
      messageId: certificateJobId(issued.certificateId),
      certificateId: issued.certificateId,
      notifyTemplate: 'application-approved' as const,
    };
    await Promise.all([processor.process(job), processor.process(job), processor.process(job)]);

    const row = await certificateRow(issued.certificateId);
    expect(await store.storage.list(`tenants/${tenant.id}/organisations/${member.organisationId}/certificates/`)).toEqual([row.objectKey]);
    expect(hashVerificationCode(printedCode(pdfText(await readObject(store.storage, row.objectKey as string))))).toBe(
      row.verificationCodeHash,
    );
    const mails = await withTenant(db.app, tenant.id, (tx) =>
      tx.select().from(schema.outboxMessages).where(sql`${schema.outboxMessages.payload} ->> 'to' = ${member.contactEmail}`),
    );
    expect(mails).toHaveLength(1);
  });

  it('a certificate superseded before it was rendered is not generated or mailed; its job closes', async () => {
    const member = await memberOrganisation(db.app, tenant.id);
    const first = await issueUnrelayed(member.organisationId);
    // A reissue approved before the worker got to the first one supersedes it.
    await issueUnrelayed(member.organisationId, 'reissue');
    const processor = createCertificateProcessor({ database: db.app, store: certificateFileStoreOf(store.storage), logger: quiet });
    await processor.process({
      tenantId: tenant.id,
      messageId: certificateJobId(first.certificateId),
      certificateId: first.certificateId,
      notifyTemplate: 'application-approved',
    });
    expect(await certificateRow(first.certificateId)).toMatchObject({ state: 'superseded', objectKey: null });
    expect(await outboxRow(certificateJobId(first.certificateId))).toMatchObject({ status: 'sent' });
    expect(await outboxRow(`certificate-mail.${first.certificateId}`)).toBeUndefined();
  });

  it('a store that stays unreachable is retried with backoff, then the job shows failed with the reason on the certificate', async () => {
    const member = await memberOrganisation(db.app, tenant.id);
    const issued = await issueUnrelayed(member.organisationId);
    let puts = 0;
    const unreachable = {
      put: async () => {
        puts += 1;
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
      delete: async () => {},
    };
    const processor = createCertificateProcessor({ database: db.app, store: unreachable, logger: quiet });
    const queue = createInlineCertificateQueue(processor.process, {
      config: { ...CERTIFICATE_QUEUE_CONFIG, attempts: 3, backoff: { delayMs: 20, jitter: 0 } },
      logger: quiet,
      onFailed: (job, error) => void processor.recordFinalFailure(job, error),
    });
    await queue.enqueueCertificate({
      tenantId: tenant.id,
      messageId: certificateJobId(issued.certificateId),
      certificateId: issued.certificateId,
      notifyTemplate: 'application-approved',
    });
    await queue.whenIdle();
    await queue.close();
    expect(puts).toBe(3);
    await until(async () => (await outboxRow(certificateJobId(issued.certificateId)))?.status === 'failed', 5_000, 'the failed mark');
    expect(await outboxRow(certificateJobId(issued.certificateId))).toMatchObject({
      attempts: 3,
      lastError: 'connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(await certificateRow(issued.certificateId)).toMatchObject({
      objectKey: null,
      failureReason: 'connect ECONNREFUSED 127.0.0.1:9',
    });
  });
});
