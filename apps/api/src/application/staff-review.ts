import { schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { availableApplicationEvents, staffActor, type TStaffRole } from '@kyogikai/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { notFound } from '../trpc/app-error';
import { diffSnapshots, loadRegisteredSnapshot, type TSnapshotDocument, ZRegisteredSnapshot } from './registered-snapshot';

/**
 * Everything a reviewer sees of one application (issue 6 item 2), read in one tenant-wide
 * transaction: the registered data, each document with its check, the status timeline from the
 * audit log, internal notes, the certificate and, after a resubmission, what changed since the
 * return. An id of another tenant is not found (row-level security).
 */
export async function loadStaffReview(tx: TenantTx, tenant: TenantRecord, applicationId: string, role: TStaffRole) {
  const a = schema.applications;
  const [application] = await tx.select().from(a).where(eq(a.id, applicationId));
  // A draft has not been handed in: it is the applicant's own work, not the council's to read.
  if (!application || application.state === 'draft') throw notFound('application.notFound');
  const o = schema.organisations;
  const [organisation] = await tx.select().from(o).where(eq(o.id, application.organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const current = await loadRegisteredSnapshot(tx, application.organisationId);

  const u = schema.users;
  const dc = schema.documentChecks;
  const checks = await tx
    .select({ documentId: dc.documentId, result: dc.result, reason: dc.reason, checkedAt: dc.checkedAt, checkedByName: u.displayName })
    .from(dc)
    .innerJoin(u, and(eq(u.tenantId, dc.tenantId), eq(u.id, dc.checkedByUserId)))
    .where(eq(dc.applicationId, application.id));
  const checkOf = new Map(checks.map(({ documentId, ...check }) => [documentId, check]));
  const documentNames = new Map(tenant.config.requiredDocuments.map((doc) => [doc.key, doc]));
  const reviewDocument = (doc: TSnapshotDocument) => {
    const configured = documentNames.get(doc.documentKey);
    return {
      ...doc,
      nameJa: doc.customName ?? configured?.nameJa ?? doc.documentKey,
      nameEn: doc.customName ?? configured?.nameEn ?? doc.documentKey,
      check: checkOf.get(doc.id) ?? null,
    };
  };

  const ae = schema.auditEvents;
  const events = await tx
    .select({ at: ae.occurredAt, action: ae.action, after: ae.after, actorName: u.displayName })
    .from(ae)
    .leftJoin(u, and(eq(u.tenantId, ae.tenantId), eq(u.id, ae.actorUserId)))
    .where(and(eq(ae.targetType, 'application'), eq(ae.targetId, application.id), inArray(ae.action, TIMELINE_ACTIONS)))
    .orderBy(asc(ae.occurredAt), asc(ae.id));
  const textOf = (value: unknown, key: string) => {
    const field = (value as Record<string, unknown> | null)?.[key];
    return typeof field === 'string' ? field : null;
  };

  const n = schema.applicationNotes;
  const notes = await tx
    .select({ id: n.id, body: n.body, createdAt: n.createdAt, authorName: u.displayName })
    .from(n)
    .innerJoin(u, and(eq(u.tenantId, n.tenantId), eq(u.id, n.authorUserId)))
    .where(eq(n.applicationId, application.id))
    .orderBy(asc(n.createdAt), asc(n.id));

  const c = schema.certificates;
  const [certificate] = await tx
    .select({
      id: c.id,
      state: c.state,
      issueNumber: c.issueNumber,
      membershipNumber: c.membershipNumber,
      issuedAt: c.issuedAt,
      objectKey: c.objectKey,
      failureReason: c.failureReason,
    })
    .from(c)
    .where(eq(c.organisationId, application.organisationId))
    .orderBy(desc(c.issueNumber))
    .limit(1);

  // Only once the applicant handed the corrected application in: while it is returned, the
  // applicant is still editing and there is nothing to review yet.
  const returned = application.returnedSnapshot === null ? null : ZRegisteredSnapshot.safeParse(application.returnedSnapshot);
  const isResubmittedSinceReturn =
    application.resubmittedAt !== null &&
    application.returnedAt !== null &&
    application.resubmittedAt >= application.returnedAt &&
    application.state !== 'returned';
  const changesSinceReturn = returned?.success && isResubmittedSinceReturn ? diffSnapshots(returned.data, current) : null;

  return {
    application: {
      id: application.id,
      state: application.state,
      version: application.version,
      referenceNumber: application.referenceNumber,
      submittedAt: application.submittedAt,
      resubmittedAt: application.resubmittedAt,
      returnedAt: application.returnedAt,
      returnedMessage: application.returnedMessage,
      forwardedAt: application.forwardedAt,
      decidedAt: application.decidedAt,
      decisionReason: application.decisionReason,
    },
    organisation: {
      ...current.organisation,
      id: organisation.id,
      membershipState: organisation.membershipState,
      membershipNumber: organisation.membershipNumber,
      joinedAt: organisation.joinedAt,
      withdrawnAt: organisation.withdrawnAt,
      retentionUntil: organisation.retentionUntil,
    },
    establishments: current.establishments,
    workers: current.workers.map((worker) => ({
      ...worker,
      documents: current.documents.filter((doc) => doc.workerId === worker.id).map(reviewDocument),
    })),
    otherDocuments: current.documents.filter((doc) => doc.workerId === null).map(reviewDocument),
    timeline: events.map((event) => ({
      at: event.at,
      action: event.action,
      actorName: event.actorName,
      message: textOf(event.after, 'message'),
      reason: textOf(event.after, 'reason'),
      membershipNumber: textOf(event.after, 'membershipNumber'),
    })),
    notes,
    certificate: certificate
      ? {
          id: certificate.id,
          state: certificate.state,
          issueNumber: certificate.issueNumber,
          membershipNumber: certificate.membershipNumber,
          issuedAt: certificate.issuedAt,
          isGenerated: certificate.objectKey !== null,
          failureReason: certificate.failureReason,
        }
      : null,
    changesSinceReturn,
    availableEvents: availableApplicationEvents(application.state, staffActor(role), tenant.config),
    approvalSteps: tenant.config.approvalSteps,
    customFields: tenant.config.customFields,
  };
}

/** The application machine's audit actions, i.e. its status changes (document openings are not part of the timeline). */
const TIMELINE_ACTIONS = [
  'application.submitted',
  'application.review_started',
  'application.returned',
  'application.resubmitted',
  'application.forwarded',
  'application.approved',
  'application.rejected',
  'application.withdrawn',
];
