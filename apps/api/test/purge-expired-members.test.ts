import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openPgliteDatabase, queryRows, recordAudit, runMigrations, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { createOrganisationFixture, createTenantFixture } from '@kyogikai/db/testing';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCertificate } from '../src/certificates/verify-certificate';
import { findDueMembers, PURGED_ORGANISATION_TABLES, PURGED_USER_TABLES, purgeDueMembers } from '../src/membership/purge-expired-members';
import { startEmbeddedS3 } from '../src/storage/embedded-s3';
import { createObjectStorage, type S3Settings } from '../src/storage/object-storage';
import { makeMember, portalSessionCookie, type StoredCertificate, storeCertificate } from './helpers/certificates';
import { makePdf, uploadDocument } from './helpers/documents';
import { createTestApi, type TestApi } from './helpers/test-api';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const establishmentValues = {
  name: 'さくら苑',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  phone: '03-1234-5678',
  extra: { serviceType: 'nursing-home' },
};

type Member = {
  tenant: TenantRecord;
  userId: string;
  token: string;
  organisationId: string;
  membershipNumber: string;
  certificate: StoredCertificate;
};

describe('F1 retention purge: former members are deleted after retention_until, a tombstone stays (ADR 026)', () => {
  let api: TestApi;
  let s3: { settings: S3Settings; close(): Promise<void> };
  let storage: ReturnType<typeof createObjectStorage>;
  let directory: string;

  const db = () => api.testDb.owner.db;
  const org = async (id: string) => {
    const [row] = await db().select().from(schema.organisations).where(eq(schema.organisations.id, id));
    if (!row) throw new Error(`no organisation ${id}`);
    return row;
  };
  const objectsOf = (m: Member) => storage.list(`tenants/${m.tenant.id}/organisations/${m.organisationId}/`);
  /** Rows of the organisation in every organisation-owned table, by table. */
  const rowsOf = async (organisationId: string) => {
    const counts: Record<string, number> = {};
    for (const table of PURGED_ORGANISATION_TABLES) {
      const [row] = await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from ${sql.identifier(table)} where organisation_id = ${organisationId}`,
      );
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  };
  const userRow = async (id: string) => (await db().select().from(schema.users).where(eq(schema.users.id, id)))[0];

  function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/index.ts', ...args], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          // The AWS SDK warns about Node 20 on stderr; the test reads stderr for the command's own errors.
          NODE_NO_WARNINGS: '1',
          KYOGIKAI_MODE: 'test',
          DATABASE_OWNER_URL: api.testDb.ownerUrl,
          S3_ENDPOINT: s3.settings.endpoint,
          S3_REGION: s3.settings.region,
          S3_BUCKET: s3.settings.bucket,
          S3_ACCESS_KEY_ID: s3.settings.accessKeyId,
          S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** A member of `tenant` with an establishment, a worker, a stored document and a certificate PDF. */
  async function member(tenant: TenantRecord, loginId: string, membershipNumber: string): Promise<Member> {
    const user = await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const portal = api.portal(tenant, token);
    const organisationId = (await portal.organisation.get()).id;
    const establishment = await portal.establishment.create(establishmentValues);
    const worker = await portal.worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    const upload = await uploadDocument(api, tenant, worker.id, 'residence-card', makePdf(), {
      cookie: portalSessionCookie(token),
      fileName: '在留カード.pdf',
    });
    expect(upload.status).toBe(201);
    await makeMember(api, tenant, organisationId, membershipNumber);
    const certificate = await storeCertificate(api, storage, tenant, organisationId, { membershipNumber });
    return { tenant, userId: user.id, token, organisationId, membershipNumber, certificate };
  }

  /** Withdraws through 「退会する」; `retentionUntil` (if given) then stands in for years having passed. */
  async function withdraw(m: Member, retentionUntil?: string) {
    await api.portal(m.tenant, m.token).membership.withdraw({ notesAcknowledged: true });
    if (retentionUntil)
      await db().update(schema.organisations).set({ retentionUntil }).where(eq(schema.organisations.id, m.organisationId));
  }

  let dueA: Member;
  let keptA: Member;
  let activeA: Member;
  let dueB: Member;
  /** Acts for dueA and for activeA: keeps its account. */
  let delegate: { userId: string; sessionId: string };
  /** Acts only for dueA and never did anything audited: its account is deleted. */
  let soleViewerId: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-purge-test-'));
    s3 = await startEmbeddedS3({ directory });
    storage = createObjectStorage(s3.settings);
    api = await createTestApi({ storage });

    dueA = await member(api.tenantA, 'purge-due', 'KAIGO-M2021-000101');
    keptA = await member(api.tenantA, 'purge-kept', 'KAIGO-M2021-000102');
    activeA = await member(api.tenantA, 'purge-active', 'KAIGO-M2021-000103');
    dueB = await member(api.tenantB, 'purge-due-b', 'KAIGO-M2021-000201');

    // The active member's administrator is also a delegate of dueA, with a session acting for it.
    await db().insert(schema.organisationMemberships).values({
      tenantId: api.tenantA.id,
      organisationId: dueA.organisationId,
      userId: activeA.userId,
      role: 'support_organisation',
      grantedByUserId: dueA.userId,
    });
    await api.portal(api.tenantA, activeA.token).organisation.switch({ organisationId: dueA.organisationId });
    const [acting] = await db()
      .select({ id: schema.sessions.id })
      .from(schema.sessions)
      .where(eq(schema.sessions.actingOrganisationId, dueA.organisationId));
    if (!acting) throw new Error('no session acting for dueA');
    delegate = { userId: activeA.userId, sessionId: acting.id };

    soleViewerId = randomUUID();
    await db().insert(schema.users).values({
      tenantId: api.tenantA.id,
      id: soleViewerId,
      kind: 'applicant',
      role: 'applicant',
      loginId: 'purge-viewer',
      email: 'purge-viewer@example.jp',
      displayName: '閲覧 次郎',
      passwordHash: 'x',
      status: 'active',
    });
    await db().insert(schema.organisationMemberships).values({
      tenantId: api.tenantA.id,
      organisationId: dueA.organisationId,
      userId: soleViewerId,
      role: 'viewer',
      grantedByUserId: dueA.userId,
    });

    // What the rest of the member's life leaves: a staff note and a document check on its
    // application, an invitation, a change request with an item, a certificate job in the outbox,
    // and a quarantine object of a crashed upload that no row names.
    const staff = await api.staff(api.tenantA, 'secretariat');
    const [application] = await db().select().from(schema.applications).where(eq(schema.applications.organisationId, dueA.organisationId));
    const [document] = await db().select().from(schema.documents).where(eq(schema.documents.organisationId, dueA.organisationId));
    if (!application || !document) throw new Error('dueA has no application or document');
    await db().insert(schema.applicationNotes).values({
      tenantId: api.tenantA.id,
      organisationId: dueA.organisationId,
      applicationId: application.id,
      authorUserId: staff.id,
      body: '確認済み',
    });
    await db().insert(schema.documentChecks).values({
      tenantId: api.tenantA.id,
      organisationId: dueA.organisationId,
      applicationId: application.id,
      documentId: document.id,
      result: 'ok',
      checkedByUserId: staff.id,
    });
    await db()
      .insert(schema.organisationInvitations)
      .values({
        tenantId: api.tenantA.id,
        organisationId: dueA.organisationId,
        email: 'invitee@example.jp',
        role: 'viewer',
        tokenHash: randomBytes(32).toString('hex'),
        invitedByUserId: dueA.userId,
        expiresAt: new Date('2026-12-31T00:00:00Z'),
      });
    const changeRequestId = randomUUID();
    await db().insert(schema.changeRequests).values({
      tenantId: api.tenantA.id,
      id: changeRequestId,
      organisationId: dueA.organisationId,
      state: 'submitted',
      createdByUserId: dueA.userId,
      content: '法人名の変更',
      reason: '合併のため',
    });
    await db()
      .insert(schema.changeItems)
      .values({
        tenantId: api.tenantA.id,
        organisationId: dueA.organisationId,
        changeRequestId,
        kind: 'certificate_items',
        entityType: 'organisation',
        entityId: dueA.organisationId,
        proposed: { corporateName: '社会福祉法人あおば会' },
        baseVersion: 1,
      });
    for (const m of [dueA, dueB]) {
      await db()
        .insert(schema.outboxMessages)
        .values({
          tenantId: m.tenant.id,
          kind: 'certificate',
          status: 'sent',
          sentAt: new Date(),
          payload: {
            tenantId: m.tenant.id,
            messageId: `certificate.${m.certificate.id}`,
            certificateId: m.certificate.id,
            notifyTemplate: 'application-approved',
          },
        });
    }
    const leftover = makePdf();
    await storage.putStream(
      `tenants/${api.tenantA.id}/organisations/${dueA.organisationId}/quarantine/${randomUUID()}.pdf`,
      Readable.from([leftover]),
      'application/pdf',
      { contentLength: leftover.length },
    );

    await withdraw(dueA, '2026-01-31');
    await withdraw(keptA);
    await withdraw(dueB, '2026-02-28');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    storage?.close();
    await s3?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('F1 every table with an organisation_id, an acting_organisation_id or a user_id is handled by the purge', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      db(),
      sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_name in ('organisation_id', 'acting_organisation_id', 'user_id')`,
    );
    const withOrganisation = columns.filter((c) => c.column_name === 'organisation_id').map((c) => c.table_name);
    expect([...withOrganisation].sort()).toEqual([...PURGED_ORGANISATION_TABLES].sort());
    const withUserOrActing = new Set(columns.filter((c) => c.column_name !== 'organisation_id').map((c) => c.table_name));
    expect([...withUserOrActing].sort()).toEqual(['organisation_memberships', ...PURGED_USER_TABLES].sort());
  });

  it('F1 the dry run lists the due member of each tenant with its counts and changes nothing', async () => {
    const beforeRows = await rowsOf(dueA.organisationId);
    const beforeObjects = await objectsOf(dueA);
    expect(beforeObjects).toHaveLength(3);

    const due = await findDueMembers({ owner: api.testDb.owner, storage, now: new Date('2026-11-27T03:00:00Z') }, [
      api.tenantA,
      api.tenantB,
    ]);
    expect(due.map((m) => m.membershipNumber)).toEqual([dueA.membershipNumber, dueB.membershipNumber]);
    expect(due[0]?.counts).toEqual({
      rows: {
        document_checks: 1,
        application_notes: 1,
        documents: 1,
        change_items: 1,
        change_requests: 1,
        certificates: 1,
        worker_establishments: 1,
        workers: 1,
        establishments: 1,
        applications: 1,
        organisation_invitations: 1,
        organisation_memberships: 3,
      },
      actingSessions: 2,
      users: 2,
      outboxCertificateJobs: 1,
      objects: 3,
    });

    const cli = await runCli(['purge-expired-members']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('Dry run');
    expect(cli.stdout).toMatch(new RegExp(`${api.tenantA.slug}: 1 due`));
    expect(cli.stdout).toMatch(
      new RegExp(`${dueA.membershipNumber}\\twithdrawn \\d{4}-\\d{2}-\\d{2}\\tkept until 2026-01-31\\tobjects 3\\tusers 2`),
    );
    expect(cli.stdout).toContain('organisation_memberships=3');
    expect(cli.stdout).not.toContain(keptA.membershipNumber);

    expect(await rowsOf(dueA.organisationId)).toEqual(beforeRows);
    expect(await objectsOf(dueA)).toEqual(beforeObjects);
    expect((await org(dueA.organisationId)).purgedAt).toBeNull();
  });

  it('F1 --tenant --execute purges the due member of that tenant only: files, rows, sole accounts; a tombstone and one audit entry stay', async () => {
    const keptRows = await rowsOf(keptA.organisationId);
    const activeRows = await rowsOf(activeA.organisationId);
    const keptObjects = await objectsOf(keptA);
    const dueBRows = await rowsOf(dueB.organisationId);

    const cli = await runCli(['purge-expired-members', '--tenant', api.tenantA.slug, '--execute']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`Purged ${api.tenantA.slug} ${dueA.membershipNumber} (accounts deleted 1, anonymised 1).`);
    expect(cli.stdout).toContain('Purged 1 of 1.');
    expect(cli.stdout).not.toContain(api.tenantB.slug);

    // Files and rows of the member are gone.
    expect(await objectsOf(dueA)).toEqual([]);
    expect(Object.values(await rowsOf(dueA.organisationId)).every((n) => n === 0)).toBe(true);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.id, delegate.sessionId))).toEqual([]);
    const jobs = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.kind, 'certificate'));
    expect(jobs.map((j) => (j.payload as { certificateId: string }).certificateId)).toEqual([dueB.certificate.id]);

    // The tombstone: ids, number and dates; every detail null.
    const tombstone = await org(dueA.organisationId);
    expect(tombstone).toMatchObject({
      tenantId: api.tenantA.id,
      membershipState: 'withdrawn',
      membershipNumber: dueA.membershipNumber,
      retentionUntil: '2026-01-31',
      directoryOptIn: false,
      corporateName: null,
      corporateNameKana: null,
      postalCode: null,
      prefecture: null,
      city: null,
      town: null,
      representativeName: null,
      contactName: null,
      contactEmail: null,
    });
    expect(tombstone.withdrawnAt).toBeInstanceOf(Date);
    expect(tombstone.purgedAt).toBeInstanceOf(Date);

    // The administrator did audited things: anonymised, never to sign in again. The viewer: deleted.
    const admin = await userRow(dueA.userId);
    expect(admin).toMatchObject({ loginId: null, displayName: '', status: 'disabled', email: `purged-${dueA.userId}@purged.invalid` });
    expect(await userRow(soleViewerId)).toBeUndefined();
    expect(await db().select().from(schema.consentAgreements).where(eq(schema.consentAgreements.userId, dueA.userId))).toEqual([]);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.userId, dueA.userId))).toEqual([]);
    await expect(api.signIn(api.tenantA, 'portal', 'purge-due')).rejects.toThrow();

    // The delegate keeps its account and its own organisation.
    expect(await userRow(delegate.userId)).toMatchObject({ loginId: 'purge-active', status: 'active' });
    expect(await rowsOf(activeA.organisationId)).toEqual(activeRows);

    // The audit trail is kept, plus one entry of the purge with counts and no personal data.
    const audit = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.targetId, dueA.organisationId), eq(schema.auditEvents.action, 'organisation.purged')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorUserId).toBeNull();
    expect(audit[0]?.after).toMatchObject({
      objects: 3,
      usersDeleted: 1,
      usersAnonymised: 1,
      rows: { documents: 1, organisation_memberships: 3 },
    });
    expect(JSON.stringify(audit[0]?.after)).not.toMatch(/佐藤|contact-|さくら|MARIA/);
    expect(
      await db()
        .select({ action: schema.auditEvents.action })
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.targetId, dueA.organisationId), eq(schema.auditEvents.action, 'membership.withdrawn'))),
    ).not.toHaveLength(0);

    // The public verification page: the certificate is gone, so its code is unknown.
    expect(
      await verifyCertificate({ database: api.testDb.app, now: new Date() }, api.tenantA, '192.0.2.50', dueA.certificate.code),
    ).toEqual({
      status: 'unknown',
    });

    // Untouched: the member still within retention, the active member, the other tenant's due member.
    expect(await rowsOf(keptA.organisationId)).toEqual(keptRows);
    expect(await objectsOf(keptA)).toEqual(keptObjects);
    expect((await org(keptA.organisationId)).corporateName).not.toBeNull();
    expect((await org(activeA.organisationId)).membershipState).toBe('active');
    expect(await rowsOf(dueB.organisationId)).toEqual(dueBRows);
    expect(await objectsOf(dueB)).toHaveLength(2);
  });

  it('F1 a second run finds nothing in that tenant; a run that died after deleting the files is finished by the next one', async () => {
    const again = await runCli(['purge-expired-members', '--tenant', api.tenantA.slug, '--execute']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${api.tenantA.slug}: none due`);
    expect(again.stdout).toContain('Purged 0 of 0.');

    // As if a run had deleted dueB's files and died before its transaction.
    for (const key of await objectsOf(dueB)) await storage.delete(key);
    expect((await org(dueB.organisationId)).purgedAt).toBeNull();
    const outcomes = await purgeDueMembers(
      { owner: api.testDb.owner, storage, now: new Date(), operator: 'test' },
      await findDueMembers({ owner: api.testDb.owner, storage, now: new Date() }, [api.tenantA, api.tenantB]),
    );
    expect(outcomes.map((o) => [o.member.membershipNumber, o.status])).toEqual([[dueB.membershipNumber, 'purged']]);
    expect((await org(dueB.organisationId)).purgedAt).toBeInstanceOf(Date);
    expect(Object.values(await rowsOf(dueB.organisationId)).every((n) => n === 0)).toBe(true);
    expect(await findDueMembers({ owner: api.testDb.owner, storage, now: new Date() }, [api.tenantA, api.tenantB])).toEqual([]);
    // Nothing of the kept member was touched by either run.
    const kept = await db()
      .select({ id: schema.certificates.id })
      .from(schema.certificates)
      .where(inArray(schema.certificates.organisationId, [keptA.organisationId, activeA.organisationId]));
    expect(kept).toHaveLength(2);
  });
});

describe('F1 retention purge in embedded mode (npm start’s .data: PGlite and the in-process S3)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-purge-embedded-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('F1 the CLI purges a due member of .data and anonymises its audited account (savepoint on PGlite)', async () => {
    const owner = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    await runMigrations(owner);
    const tenant = await createTenantFixture(owner, 'purge-embedded');
    const member = await createOrganisationFixture(owner, tenant.id, { corporateName: '株式会社わかば' });
    await withTenant(owner, tenant.id, async (tx) => {
      await tx
        .update(schema.organisations)
        .set({
          membershipState: 'withdrawn',
          membershipNumber: 'KAIGO-M2020-000001',
          withdrawnAt: new Date('2021-01-10T00:00:00Z'),
          retentionUntil: '2026-01-10',
        })
        .where(eq(schema.organisations.id, member.organisationId));
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: member.userId,
        action: 'membership.withdrawn',
        targetType: 'organisation',
        targetId: member.organisationId,
      });
    });
    await owner.close();
    const s3 = await startEmbeddedS3({ directory: path.join(dataDir, 's3') });
    const files = createObjectStorage(s3.settings);
    const key = `tenants/${tenant.id}/organisations/${member.organisationId}/documents/${randomUUID()}.pdf`;
    const bytes = makePdf();
    await files.putStream(key, Readable.from([bytes]), 'application/pdf', { contentLength: bytes.length });
    files.close();
    await s3.close();

    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/index.ts', 'purge-expired-members', '--execute'], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_NO_WARNINGS: '1', KYOGIKAI_MODE: 'embedded', DATA_DIR: dataDir },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(result.stdout).toContain('Purged purge-embedded KAIGO-M2020-000001 (accounts deleted 0, anonymised 1).');
    expect(result.code).toBe(0);

    const after = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    try {
      const [row] = await after.db.select().from(schema.organisations).where(eq(schema.organisations.id, member.organisationId));
      expect(row).toMatchObject({ corporateName: null, membershipNumber: 'KAIGO-M2020-000001' });
      expect(row?.purgedAt).toBeInstanceOf(Date);
      const [user] = await after.db.select().from(schema.users).where(eq(schema.users.id, member.userId));
      expect(user).toMatchObject({ loginId: null, status: 'disabled' });
    } finally {
      await after.close();
    }
    const s3Again = await startEmbeddedS3({ directory: path.join(dataDir, 's3') });
    const filesAgain = createObjectStorage(s3Again.settings);
    try {
      expect(await filesAgain.list(`tenants/${tenant.id}/`)).toEqual([]);
    } finally {
      filesAgain.close();
      await s3Again.close();
    }
  }, 120_000);
});
