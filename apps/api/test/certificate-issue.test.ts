import { type Database, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { createOrganisationFixture, createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { ZCertificateSnapshot } from '@kyogikai/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateWithoutMembershipError, issueCertificate } from '../src/certificates/issue-certificate';

// issueCertificate (ADR 018) against PostgreSQL as kyogikai_app: the row, the snapshot, the issue
// numbers, superseding, the audit entries and the outbox row asking the worker for the PDF.

let db: TestDatabase;
let tenant: TenantRecord;
let otherTenant: TenantRecord;
let staffUserId: string;

const NOW = new Date('2026-11-26T15:30:00Z'); // 2026-11-27 in Japan

async function staffUser(database: Database, tenantId: string): Promise<string> {
  return withTenant(database, tenantId, async (tx) => {
    const [user] = await tx
      .insert(schema.users)
      .values({
        tenantId,
        kind: 'staff',
        role: 'secretariat',
        loginId: `staff-${Math.random().toString(36).slice(2, 10)}`,
        email: `staff-${Math.random().toString(36).slice(2, 10)}@example.jp`,
        displayName: '事務局 担当',
        passwordHash: 'not-a-real-hash',
        status: 'active',
      })
      .returning({ id: schema.users.id });
    if (!user) throw new Error('no staff user');
    return user.id;
  });
}

async function member(t: TenantRecord, membershipNumber: string | null, corporateName = '株式会社髙﨑商事') {
  const { organisationId } = await createOrganisationFixture(db.app, t.id, { corporateName });
  await withTenant(db.app, t.id, (tx) =>
    tx
      .update(schema.organisations)
      .set({
        postalCode: '1000013',
        prefecture: '東京都',
        city: '千代田区',
        town: '霞が関1-2-2',
        building: '中央合同庁舎5号館',
        representativeTitle: '代表取締役',
        representativeName: '髙橋 一郎',
        ...(membershipNumber ? { membershipState: 'active' as const, membershipNumber, joinedAt: NOW } : {}),
      })
      .where(eq(schema.organisations.id, organisationId)),
  );
  return organisationId;
}

const issue = (organisationId: string, reason: 'application_approved' | 'reissue' = 'application_approved', t = tenant) =>
  withTenant(db.app, t.id, (tx) =>
    issueCertificate(tx, {
      tenant: t,
      organisationId,
      actorUserId: staffUserId,
      reason,
      notifyTemplate: reason === 'reissue' ? 'certificate-reissued' : 'application-approved',
      now: NOW,
    }),
  );

const certificatesOf = (organisationId: string) =>
  withTenant(db.app, tenant.id, (tx) =>
    tx
      .select()
      .from(schema.certificates)
      .where(eq(schema.certificates.organisationId, organisationId))
      .orderBy(asc(schema.certificates.issueNumber)),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db.owner);
  otherTenant = await createTenantFixture(db.owner);
  staffUserId = await staffUser(db.app, tenant.id);
});

afterAll(async () => {
  await db?.drop();
});

describe('issueCertificate (SPEC C3, E1; ADR 018)', () => {
  it('C3 writes the certificate row with the printed snapshot, no PDF and no code yet, an audit entry and an outbox row for the worker', async () => {
    const organisationId = await member(tenant, 'KG-000123');
    const issued = await issue(organisationId);
    expect(issued).toEqual({ certificateId: expect.any(String), issueNumber: 1, membershipNumber: 'KG-000123' });

    const [row] = await certificatesOf(organisationId);
    expect(row).toMatchObject({
      id: issued.certificateId,
      state: 'issued',
      objectKey: null,
      verificationCodeHash: null,
      failureReason: null,
    });
    const fields = ZCertificateSnapshot.parse(row?.fields);
    expect(fields).toEqual({
      schemaVersion: 1,
      titleJa: '入会証明書',
      bodyJa: '上記の者は、介護分野における特定技能協議会の構成員であることを証明します。',
      councilNameJa: tenant.nameJa,
      issuerLineJa: '厚生労働省 社会・援護局 福祉基盤課長',
      membershipNumber: 'KG-000123',
      issueNumber: 1,
      issueDate: '2026-11-27',
      corporateName: '株式会社髙﨑商事',
      items: [
        { field: 'corporateName', labelJa: '法人名', value: '株式会社髙﨑商事' },
        { field: 'corporateAddress', labelJa: '法人所在地', value: '〒100-0013 東京都千代田区霞が関1-2-2 中央合同庁舎5号館' },
        { field: 'representativeTitle', labelJa: '代表者役職', value: '代表取締役' },
        { field: 'representativeName', labelJa: '代表者名', value: '髙橋 一郎' },
      ],
    });

    const outbox = await withTenant(db.app, tenant.id, (tx) =>
      tx.select().from(schema.outboxMessages).where(sql`${schema.outboxMessages.payload} ->> 'certificateId' = ${issued.certificateId}`),
    );
    expect(outbox).toEqual([
      expect.objectContaining({
        kind: 'certificate',
        status: 'pending',
        payload: {
          tenantId: tenant.id,
          messageId: `certificate.${issued.certificateId}`,
          certificateId: issued.certificateId,
          notifyTemplate: 'application-approved',
        },
      }),
    ]);
    const audit = await withTenant(db.app, tenant.id, (tx) =>
      tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, issued.certificateId)),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'certificate.issued',
        actorUserId: staffUserId,
        targetType: 'certificate',
        after: { reason: 'application_approved', membershipNumber: 'KG-000123', issueNumber: 1, supersededIds: [] },
      }),
    ]);
  });

  it('E1 a reissue takes the next issue number of the same membership number and supersedes the current certificate', async () => {
    const organisationId = await member(tenant, 'KG-000124');
    const first = await issue(organisationId);
    await withTenant(db.app, tenant.id, (tx) =>
      tx
        .update(schema.certificates)
        .set({ state: 'downloaded', downloadedAt: NOW, downloadedByUserId: staffUserId })
        .where(eq(schema.certificates.id, first.certificateId)),
    );
    const second = await issue(organisationId, 'reissue');
    const third = await issue(organisationId, 'reissue');
    expect([second.issueNumber, third.issueNumber]).toEqual([2, 3]);
    expect(third.membershipNumber).toBe('KG-000124');

    const rows = await certificatesOf(organisationId);
    expect(rows.map((r) => [r.issueNumber, r.state, r.supersededAt?.toISOString() ?? null])).toEqual([
      [1, 'superseded', NOW.toISOString()],
      [2, 'superseded', NOW.toISOString()],
      [3, 'issued', null],
    ]);
    const superseded = await withTenant(db.app, tenant.id, (tx) =>
      tx
        .select()
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.targetId, first.certificateId), eq(schema.auditEvents.action, 'certificate.superseded'))),
    );
    expect(superseded).toEqual([expect.objectContaining({ actorUserId: null, before: { state: 'downloaded' } })]);
    const outbox = await withTenant(db.app, tenant.id, (tx) =>
      tx.select().from(schema.outboxMessages).where(sql`${schema.outboxMessages.payload} ->> 'certificateId' = ${third.certificateId}`),
    );
    expect(outbox[0]?.payload).toMatchObject({ notifyTemplate: 'certificate-reissued' });
  });

  it('refuses an organisation without a membership number, and one of another tenant, and writes nothing', async () => {
    const notMember = await member(tenant, null);
    await expect(issue(notMember)).rejects.toBeInstanceOf(CertificateWithoutMembershipError);
    expect(await certificatesOf(notMember)).toEqual([]);

    const elsewhere = await member(otherTenant, 'KG-000999');
    await expect(issue(elsewhere)).rejects.toThrow(/not found/);
  });

  it('C3 refuses to issue a certificate that would print an empty line (no representative name)', async () => {
    const organisationId = await member(tenant, 'KG-000125');
    await withTenant(db.app, tenant.id, (tx) =>
      tx.update(schema.organisations).set({ representativeName: '  ' }).where(eq(schema.organisations.id, organisationId)),
    );
    await expect(issue(organisationId)).rejects.toThrow();
    expect(await certificatesOf(organisationId)).toEqual([]);
  });
});
