import { type Database, queryRows, recordAudit, schema, type TenantRecord, type TenantTx, pgErrorCode, withTenant } from '@kyogikai/db';
import { japanDateOf } from '@kyogikai/domain';
import { and, eq, getTableColumns, isNull, lt, sql } from 'drizzle-orm';
import { organisationPrefix } from '../storage/document-keys';
import type { FileStore } from '../storage/object-storage';

/**
 * The organisation-owned tables the purge empties for one organisation (ADR 026), in the order
 * their foreign keys allow: children before parents. Every table with an `organisation_id` column
 * must be here; `purge-expired-members.test.ts` compares this list with the database's.
 */
export const PURGED_ORGANISATION_TABLES = [
  'document_checks',
  'application_notes',
  'documents',
  'change_items',
  'change_requests',
  'reissue_requests',
  'certificates',
  'worker_establishments',
  'workers',
  'establishments',
  'applications',
  'organisation_invitations',
  'organisation_memberships',
] as const;

/**
 * Tenant-level tables that point at the organisation or at a user the purge removes, and how. The
 * coverage test checks every table with an `acting_organisation_id` or `user_id` column is named here.
 */
export const PURGED_USER_TABLES = ['sessions', 'account_tokens', 'consent_agreements'] as const;

/**
 * Organisation columns the tombstone keeps although they may be null: the membership's dates and
 * number (not personal data; audit entries and the secretariat's records refer to them). Every
 * other nullable column — the company and personal details — is set to null.
 */
const TOMBSTONE_KEPT = new Set(['membershipNumber', 'joinedAt', 'withdrawnAt', 'retentionUntil', 'purgedAt']);

export type PurgeCounts = {
  /** Rows per organisation-owned table (only tables with rows). */
  rows: Partial<Record<(typeof PURGED_ORGANISATION_TABLES)[number], number>>;
  /** Sessions of other users that were acting for the organisation. */
  actingSessions: number;
  /** Users whose only organisation this was (their account goes with it). */
  users: number;
  /** Certificate generation jobs of its certificates in the outbox. */
  outboxCertificateJobs: number;
  /** Stored objects (documents, quarantine leftovers, certificate PDFs). */
  objects: number;
};

export type DueMember = {
  tenant: TenantRecord;
  organisationId: string;
  membershipNumber: string | null;
  withdrawnAt: Date | null;
  retentionUntil: string;
  counts: PurgeCounts;
};

export type PurgeOutcome =
  | { member: DueMember; status: 'purged'; usersDeleted: number; usersAnonymised: number }
  | { member: DueMember; status: 'failed'; error: string };

export type PurgeDeps = { owner: Database; storage: FileStore; now: Date; operator: string };

/**
 * SPEC F1 / ADR 024 / ADR 026: former members whose `retention_until` is before today's date in
 * Japan. Runs on the owner connection (an operator command; the app role may not delete these
 * records), one tenant at a time inside `withTenant`, naming the tenant in every query anyway.
 */
export async function findDueMembers(
  deps: Pick<PurgeDeps, 'owner' | 'storage' | 'now'>,
  tenants: readonly TenantRecord[],
): Promise<DueMember[]> {
  const today = japanDateOf(deps.now);
  const o = schema.organisations;
  const due: DueMember[] = [];
  for (const tenant of tenants) {
    const rows = await withTenant(deps.owner, tenant.id, (tx) =>
      tx
        .select({ id: o.id, membershipNumber: o.membershipNumber, withdrawnAt: o.withdrawnAt, retentionUntil: o.retentionUntil })
        .from(o)
        .where(and(eq(o.tenantId, tenant.id), eq(o.membershipState, 'withdrawn'), isNull(o.purgedAt), lt(o.retentionUntil, today)))
        .orderBy(o.retentionUntil, o.membershipNumber),
    );
    for (const row of rows) {
      const keys = await objectKeysOf(deps, tenant.id, row.id);
      const counts = await withTenant(deps.owner, tenant.id, (tx) => countRows(tx, tenant.id, row.id));
      due.push({
        tenant,
        organisationId: row.id,
        membershipNumber: row.membershipNumber,
        withdrawnAt: row.withdrawnAt,
        retentionUntil: row.retentionUntil ?? '',
        counts: { ...counts, objects: keys.length },
      });
    }
  }
  return due;
}

/**
 * Purges each due member: first every stored object of the organisation, then, in one
 * transaction, its rows and the accounts that only served it, leaving a tombstone and one audit
 * entry. If an object cannot be deleted the rows stay and the next run tries again; a run that
 * dies between the objects and the rows is finished by the next one (the rows are still due).
 * One member's failure does not stop the others.
 */
export async function purgeDueMembers(deps: PurgeDeps, due: readonly DueMember[]): Promise<PurgeOutcome[]> {
  const outcomes: PurgeOutcome[] = [];
  for (const member of due) {
    try {
      for (const key of await objectKeysOf(deps, member.tenant.id, member.organisationId)) await deps.storage.delete(key);
      const users = await withTenant(deps.owner, member.tenant.id, (tx) => purgeRows(tx, deps, member));
      outcomes.push({ member, status: 'purged', usersDeleted: users.deleted, usersAnonymised: users.anonymised });
    } catch (error) {
      outcomes.push({ member, status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

/** Every object of the organisation: what is stored under its prefix, and any key a row names. */
async function objectKeysOf(deps: Pick<PurgeDeps, 'owner' | 'storage'>, tenantId: string, organisationId: string): Promise<string[]> {
  const listed = await deps.storage.list(organisationPrefix(tenantId, organisationId));
  const named = await withTenant(deps.owner, tenantId, async (tx) => {
    const d = schema.documents;
    const c = schema.certificates;
    const documents = await tx
      .select({ key: d.objectKey })
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.organisationId, organisationId)));
    const certificates = await tx
      .select({ key: c.objectKey })
      .from(c)
      .where(and(eq(c.tenantId, tenantId), eq(c.organisationId, organisationId)));
    return [...documents, ...certificates].map((row) => row.key).filter((key): key is string => key !== null);
  });
  return [...new Set([...listed, ...named])].sort();
}

/** Users with a membership (any status) in this organisation and in no other. */
async function soleUsersOf(tx: TenantTx, tenantId: string, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select distinct m.user_id from organisation_memberships m
        where m.tenant_id = ${tenantId} and m.organisation_id = ${organisationId}
          and not exists (select 1 from organisation_memberships other
                          where other.tenant_id = m.tenant_id and other.user_id = m.user_id and other.organisation_id <> m.organisation_id)
        order by m.user_id`,
  );
  return rows.map((row) => row.user_id);
}

/** Certificate jobs of the organisation's certificates (the only outbox rows linked to it, ADR 026). */
const outboxCertificateJobs = (tenantId: string, organisationId: string) =>
  sql`from outbox_messages where tenant_id = ${tenantId} and kind = 'certificate'
        and payload ->> 'certificateId' in (select id::text from certificates where tenant_id = ${tenantId} and organisation_id = ${organisationId})`;

const actingSessions = (tenantId: string, organisationId: string) =>
  sql`from sessions where tenant_id = ${tenantId} and acting_organisation_id = ${organisationId}`;

async function countOf(tx: TenantTx, from: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n ${from}`);
  return Number(row?.n ?? 0);
}

async function countRows(tx: TenantTx, tenantId: string, organisationId: string): Promise<Omit<PurgeCounts, 'objects'>> {
  const rows: PurgeCounts['rows'] = {};
  for (const table of PURGED_ORGANISATION_TABLES) {
    const n = await countOf(tx, sql`from ${sql.identifier(table)} where tenant_id = ${tenantId} and organisation_id = ${organisationId}`);
    if (n > 0) rows[table] = n;
  }
  return {
    rows,
    actingSessions: await countOf(tx, actingSessions(tenantId, organisationId)),
    users: (await soleUsersOf(tx, tenantId, organisationId)).length,
    outboxCertificateJobs: await countOf(tx, outboxCertificateJobs(tenantId, organisationId)),
  };
}

async function purgeRows(tx: TenantTx, deps: PurgeDeps, member: DueMember): Promise<{ deleted: number; anonymised: number }> {
  const tenantId = member.tenant.id;
  const organisationId = member.organisationId;
  const o = schema.organisations;
  // Locked and checked again: a second operator run, or one that finished meanwhile, finds nothing to do.
  const [row] = await tx
    .select({ id: o.id, membershipState: o.membershipState, purgedAt: o.purgedAt, retentionUntil: o.retentionUntil })
    .from(o)
    .where(and(eq(o.tenantId, tenantId), eq(o.id, organisationId)))
    .for('update');
  if (!row) throw new Error('organisation not found');
  const isStillDue =
    row.membershipState === 'withdrawn' &&
    row.purgedAt === null &&
    row.retentionUntil !== null &&
    row.retentionUntil < japanDateOf(deps.now);
  if (!isStillDue) throw new Error('no longer due (purged or changed meanwhile)');

  const counts = await countRows(tx, tenantId, organisationId);
  const soleUsers = await soleUsersOf(tx, tenantId, organisationId);

  await tx.execute(sql`delete ${outboxCertificateJobs(tenantId, organisationId)}`);
  for (const table of PURGED_ORGANISATION_TABLES) {
    await tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId} and organisation_id = ${organisationId}`);
  }
  await tx.execute(sql`delete ${actingSessions(tenantId, organisationId)}`);

  let deleted = 0;
  let anonymised = 0;
  for (const userId of soleUsers) {
    for (const table of PURGED_USER_TABLES) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId} and user_id = ${userId}`);
    }
    if (await deleteUser(tx, tenantId, userId)) deleted += 1;
    else {
      await anonymiseUser(tx, tenantId, userId);
      anonymised += 1;
    }
  }

  const cleared: Record<string, null> = {};
  for (const [key, column] of Object.entries(getTableColumns(o))) {
    if (!column.notNull && !TOMBSTONE_KEPT.has(key)) cleared[key] = null;
  }
  await tx
    .update(o)
    .set({ ...cleared, directoryOptIn: false, purgedAt: deps.now })
    .where(and(eq(o.tenantId, tenantId), eq(o.id, organisationId)));

  await recordAudit(tx, {
    tenantId,
    actorUserId: null,
    action: 'organisation.purged',
    targetType: 'organisation',
    targetId: organisationId,
    before: { membershipState: 'withdrawn', retentionUntil: row.retentionUntil },
    after: {
      purgedAt: deps.now.toISOString(),
      operator: deps.operator,
      rows: counts.rows,
      actingSessions: counts.actingSessions,
      outboxCertificateJobs: counts.outboxCertificateJobs,
      objects: member.counts.objects,
      usersDeleted: deleted,
      usersAnonymised: anonymised,
    },
  });
  return { deleted, anonymised };
}

/**
 * Deletes the account if nothing kept still names it. The audit trail usually does (its actor
 * column references users): then the delete fails inside a savepoint and the account is anonymised.
 */
async function deleteUser(tx: TenantTx, tenantId: string, userId: string): Promise<boolean> {
  const u = schema.users;
  try {
    await tx.transaction((savepoint) => savepoint.delete(u).where(and(eq(u.tenantId, tenantId), eq(u.id, userId))));
    return true;
  } catch (error) {
    if (pgErrorCode(error) === '23503') return false;
    throw error;
  }
}

/**
 * An account the audit trail still names: the id stays (so "who did it" still resolves to one
 * account), everything that identifies the person goes, and it can never sign in again (no login
 * id, an address that cannot receive mail, a password hash nothing verifies against, disabled).
 */
async function anonymiseUser(tx: TenantTx, tenantId: string, userId: string): Promise<void> {
  const u = schema.users;
  await tx
    .update(u)
    .set({ loginId: null, email: `purged-${userId}@purged.invalid`, displayName: '', passwordHash: 'purged', status: 'disabled' })
    .where(and(eq(u.tenantId, tenantId), eq(u.id, userId)));
}
