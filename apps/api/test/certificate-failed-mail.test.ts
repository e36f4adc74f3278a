import { certificateJobId, insertOutboxMail, markOutboxAttemptFailed, schema, withTenant } from '@kyogikai/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, memberOrganisation, staffUser } from './certificate-fixtures';
import { createTestApi, type TestApi } from './helpers/test-api';

// 送信できなかったメール (issue 6 item 8): staff see the mail (and certificate jobs) the queues gave
// up on and retry them; applicants, the ministry and staff of another council cannot.

describe('G1 failed mail in the admin: list and retry', () => {
  let api: TestApi;
  let secretariatA: string;
  let ministryA: string;
  let secretariatB: string;
  let applicantA: string;
  let failedMailId: string;
  let failedCertificateRowId: string;
  let stuckId: string;

  async function failedMail(tenantId: string, to: string) {
    return withTenant(api.testDb.app, tenantId, async (tx) => {
      const row = await insertOutboxMail(tx, {
        tenantId,
        to,
        template: 'application-received',
        props: { corporateName: '株式会社テスト' },
      });
      await markOutboxAttemptFailed(tx, row.messageId, 'connect ECONNREFUSED 127.0.0.1:25', { final: true });
      return row;
    });
  }

  beforeAll(async () => {
    api = await createTestApi();
    await api.staff(api.tenantA, 'secretariat');
    await api.staff(api.tenantA, 'ministry');
    await api.staff(api.tenantB, 'secretariat');
    await api.applicant(api.tenantA, 'failed-mail-applicant');
    secretariatA = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    ministryA = await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`);
    secretariatB = await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`);
    applicantA = await api.signIn(api.tenantA, 'portal', 'failed-mail-applicant');

    failedMailId = (await failedMail(api.tenantA.id, 'member@example.jp')).id;
    // Handed to the queue 4 hours ago and never finished (the queue lost it), and one handed over
    // a minute ago (still the queue's business).
    stuckId = await withTenant(api.testDb.app, api.tenantA.id, async (tx) => {
      const stuck = await insertOutboxMail(tx, {
        tenantId: api.tenantA.id,
        to: 'lost@example.jp',
        template: 'application-received',
        props: {},
      });
      const recent = await insertOutboxMail(tx, {
        tenantId: api.tenantA.id,
        to: 'busy@example.jp',
        template: 'application-received',
        props: {},
      });
      await tx
        .update(schema.outboxMessages)
        .set({ status: 'enqueued', enqueuedAt: sql`now() - interval '4 hours'` })
        .where(eq(schema.outboxMessages.id, stuck.id));
      await tx
        .update(schema.outboxMessages)
        .set({ status: 'enqueued', enqueuedAt: sql`now() - interval '1 minute'` })
        .where(eq(schema.outboxMessages.id, recent.id));
      return stuck.id;
    });
    await failedMail(api.tenantB.id, 'other-council@example.jp');
    // A certificate job that failed (a glyph the font lacks), as the worker leaves it.
    const staffId = await staffUser(api.testDb.app, api.tenantA.id);
    const member = await memberOrganisation(api.testDb.app, api.tenantA.id, { corporateName: '株式会社𠮷野商店' });
    const issued = await approve(api.testDb.app, api.tenantA, member.organisationId, staffId);
    failedCertificateRowId = await withTenant(api.testDb.app, api.tenantA.id, async (tx) => {
      await markOutboxAttemptFailed(tx, certificateJobId(issued.certificateId), 'フォントに次の文字がありません: 𠮷', { final: true });
      const [row] = await tx
        .select({ id: schema.outboxMessages.id })
        .from(schema.outboxMessages)
        .where(sql`${schema.outboxMessages.payload} ->> 'messageId' = ${certificateJobId(issued.certificateId)}`);
      return row?.id as string;
    });
  });
  afterAll(() => api?.close());

  it("G1 the secretariat sees its council's failed mail and certificate jobs, newest first, with the reason", async () => {
    const failed = await api.admin(api.tenantA, secretariatA).mail.failed();
    expect(failed).toEqual([
      expect.objectContaining({
        id: failedCertificateRowId,
        kind: 'certificate',
        recipient: null,
        template: 'certificate',
        corporateName: '株式会社𠮷野商店',
        status: 'failed',
        lastError: 'フォントに次の文字がありません: 𠮷',
      }),
      expect.objectContaining({
        id: failedMailId,
        kind: 'mail',
        recipient: 'member@example.jp',
        template: 'application-received',
        corporateName: null,
        status: 'failed',
        attempts: 1,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
        failedAt: expect.any(Date),
      }),
      expect.objectContaining({ id: stuckId, kind: 'mail', recipient: 'lost@example.jp', status: 'stuck', failedAt: expect.any(Date) }),
    ]);
  });

  it('G1 retry puts the mail back in the outbox under a new message id, audited; a second retry is a conflict', async () => {
    await expect(api.admin(api.tenantA, secretariatA).mail.retry({ id: failedMailId })).resolves.toEqual({ ok: true });
    const [row] = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.id, failedMailId)),
    );
    expect(row).toMatchObject({ status: 'pending', payload: expect.objectContaining({ messageId: `${failedMailId}.retry1` }) });
    const audit = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx
        .select()
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.action, 'outbox.retried'), eq(schema.auditEvents.targetId, failedMailId))),
    );
    expect(audit).toHaveLength(1);
    expect((await api.admin(api.tenantA, secretariatA).mail.failed()).map((m) => m.id)).toEqual([failedCertificateRowId, stuckId]);
    await expect(api.admin(api.tenantA, secretariatA).mail.retry({ id: stuckId })).resolves.toEqual({ ok: true });
    await expect(api.admin(api.tenantA, secretariatA).mail.retry({ id: failedMailId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'common.conflict',
    });
  });

  it('G2 staff of another council see none of these and cannot retry them; applicants and the ministry are refused', async () => {
    const seenByB = await api.admin(api.tenantB, secretariatB).mail.failed();
    expect(seenByB.map((m) => m.recipient)).toEqual(['other-council@example.jp']);
    await expect(api.admin(api.tenantB, secretariatB).mail.retry({ id: failedCertificateRowId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    for (const caller of [api.admin(api.tenantA, ministryA), api.admin(api.tenantA, applicantA), api.admin(api.tenantA)]) {
      await expect(caller.mail.failed()).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|UNAUTHORIZED/) });
      await expect(caller.mail.retry({ id: failedCertificateRowId })).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHORIZED/),
      });
    }
    // The certificate job is still failed: nothing above changed it.
    expect((await api.admin(api.tenantA, secretariatA).mail.failed()).map((m) => m.id)).toEqual([failedCertificateRowId]);
  });
});
