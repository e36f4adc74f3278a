import { randomInt } from 'node:crypto';
import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import {
  applicantActor,
  formatReferenceNumber,
  staffActor,
  type TActor,
  type TApplicationEvent,
  type TApplicationState,
  type TEffect,
  type TPermission,
  type TStaffRole,
  transitionApplication,
} from '@kyogikai/domain';
import { and, count, eq, isNull } from 'drizzle-orm';
import { issueCertificate } from '../certificates/issue-certificate';
import { queueMail } from '../mail/queue-mail';
import { AppError, notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import { mailsForEffect } from './application-mails';
import { loadChecklist } from './checklist';
import { activateMembership } from './membership-number';
import { loadRegisteredSnapshot } from './registered-snapshot';

/**
 * Who fires an application event. An applicant acts for the organisation of their session (the
 * transaction is that organisation's); staff act tenant-wide with their role.
 */
export type ApplicationTransitionActor =
  | { kind: 'applicant'; userId: string; organisationId: string; permissions: ReadonlySet<TPermission> }
  | { kind: 'staff'; userId: string; role: TStaffRole };

export type ApplyApplicationTransitionInput = {
  tenant: TenantRecord;
  actor: ApplicationTransitionActor;
  clientAddress: string;
  now: Date;
  tenantUrl: (path: string) => string;
  applicationId: string;
  /** The version the page was loaded with (optimistic concurrency). */
  version: number;
  event: TApplicationEvent;
};

export type AppliedApplicationTransition = {
  applicationId: string;
  organisationId: string;
  from: TApplicationState;
  to: TApplicationState;
  version: number;
  referenceNumber: string;
  /** Set when the transition made the organisation a member. */
  membershipNumber: string | null;
  certificateId: string | null;
};

type TApplicationRow = typeof schema.applications.$inferSelect;
type TApplicationUpdate = Partial<typeof schema.applications.$inferInsert>;

const japanYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric' });

function machineActor(actor: ApplicationTransitionActor): TActor {
  return actor.kind === 'applicant' ? applicantActor(actor.permissions) : staffActor(actor.role);
}

/**
 * The per-transition columns (ADR 009): who and when for each step, the return message and the
 * snapshot of what was returned (so the resubmission can be compared with it), the decision and its
 * reason. The state itself is the machine's answer.
 */
async function columnsFor(
  tx: TenantTx,
  input: ApplyApplicationTransitionInput,
  application: TApplicationRow,
  to: TApplicationState,
): Promise<TApplicationUpdate> {
  const { event, now } = input;
  const userId = input.actor.userId;
  switch (event.type) {
    case 'submit':
      return { state: to, submittedAt: now, submittedByUserId: userId };
    case 'resubmit':
      return { state: to, resubmittedAt: now };
    case 'start_review':
      return { state: to };
    case 'return_for_correction':
      return {
        state: to,
        returnedAt: now,
        returnedByUserId: userId,
        returnedMessage: event.message,
        returnedSnapshot: await loadRegisteredSnapshot(tx, application.organisationId),
      };
    case 'complete_review':
      return to === 'forwarded'
        ? { state: to, forwardedAt: now, forwardedByUserId: userId }
        : { state: to, decidedAt: now, decidedByUserId: userId, decisionReason: null };
    case 'approve':
      return { state: to, decidedAt: now, decidedByUserId: userId, decisionReason: null };
    case 'reject':
      return { state: to, decidedAt: now, decidedByUserId: userId, decisionReason: event.reason };
    case 'withdraw':
      return { state: to, decidedAt: now, decidedByUserId: userId };
  }
}

/**
 * Writes the state and columns where the version is still the one read. On the first submission
 * the application also gets its reference number: random within the year (an applicant cannot
 * count other organisations' applications under row-level security); the unique constraint
 * decides, and a collision retries in a savepoint.
 */
async function saveApplication(
  tx: TenantTx,
  input: ApplyApplicationTransitionInput,
  application: TApplicationRow,
  set: TApplicationUpdate,
) {
  const a = schema.applications;
  const needsNumber = application.referenceNumber === null;
  const year = Number(japanYear.format(input.now));
  for (let attempt = 0; ; attempt += 1) {
    const referenceNumber = application.referenceNumber ?? formatReferenceNumber(input.tenant.slug, year, randomInt(0, 1_000_000));
    try {
      return await tx.transaction(async (savepoint) => {
        const [saved] = await savepoint
          .update(a)
          .set({ ...set, referenceNumber })
          .where(and(eq(a.id, application.id), eq(a.version, application.version)))
          .returning();
        return saved;
      });
    } catch (error) {
      const isCollision = pgErrorCode(error) === '23505' && pgConstraintName(error) === 'applications_tenant_id_reference_number_unique';
      if (!isCollision || !needsNumber || attempt >= 5) throw error;
    }
  }
}

async function countWorkers(tx: TenantTx, organisationId: string): Promise<number> {
  const w = schema.workers;
  const [row] = await tx
    .select({ n: count() })
    .from(w)
    .where(and(eq(w.organisationId, organisationId), isNull(w.archivedAt)));
  return row?.n ?? 0;
}

/**
 * The one executor of the application machine (SPEC B5, C1-C3; ADR 009), in the caller's
 * transaction (the organisation's for an applicant, the tenant's for staff):
 *
 * 1. lock the organisation, then the application (edits hold a share lock on it, so they finish
 *    first or are refused after), and check the version the page was loaded with (CONFLICT);
 * 2. fire the machine with the actor; a refusal becomes CONFLICT / FORBIDDEN / BAD_REQUEST with its key;
 * 3. for a (re)submission, refuse an incomplete application with the number of missing items;
 * 4. record the state and the per-transition columns;
 * 5. carry out every effect in order: mails through the outbox, audit entries, activating the
 *    membership (membership number) and issuing the certificate. An effect this executor does not
 *    know throws, rolling everything back: no effect is ever skipped.
 */
export async function applyApplicationTransition(
  tx: TenantTx,
  input: ApplyApplicationTransitionInput,
): Promise<AppliedApplicationTransition> {
  const a = schema.applications;
  const o = schema.organisations;
  const [target] = await tx
    .select({ organisationId: a.organisationId })
    .from(a)
    .where(and(eq(a.tenantId, input.tenant.id), eq(a.id, input.applicationId)));
  if (!target) throw notFound('application.notFound');
  if (input.actor.kind === 'applicant' && target.organisationId !== input.actor.organisationId) throw notFound('application.notFound');
  const [organisation] = await tx.select().from(o).where(eq(o.id, target.organisationId)).for('update');
  if (!organisation) throw notFound('organisation.notFound');
  const [application] = await tx.select().from(a).where(eq(a.id, input.applicationId)).for('update');
  if (!application) throw notFound('application.notFound');
  if (application.version !== input.version) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: application.version });

  const transition = transitionApplication(application.state, input.event, machineActor(input.actor), input.tenant.config);
  if (!transition.ok) throw transitionAppError(transition.error);

  let workerCount: number;
  if (input.event.type === 'submit' || input.event.type === 'resubmit') {
    const checklist = await loadChecklist(tx, input.tenant.config, organisation.id);
    if (!checklist.isComplete) throw new AppError('BAD_REQUEST', 'application.incomplete', { count: checklist.items.length });
    workerCount = checklist.workerCount;
  } else {
    workerCount = await countWorkers(tx, organisation.id);
  }

  const set = await columnsFor(tx, input, application, transition.to);
  const saved = await saveApplication(tx, input, application, set);
  if (!saved?.referenceNumber) throw new AppError('CONFLICT', 'common.conflict');
  const referenceNumber = saved.referenceNumber;

  const result: AppliedApplicationTransition = {
    applicationId: saved.id,
    organisationId: organisation.id,
    from: application.state,
    to: transition.to,
    version: saved.version,
    referenceNumber,
    membershipNumber: null,
    certificateId: null,
  };
  const mailSource = {
    tenant: input.tenant,
    tenantUrl: input.tenantUrl,
    application: { id: saved.id, referenceNumber, returnedMessage: saved.returnedMessage, decisionReason: saved.decisionReason },
    organisation,
    at: input.now,
    workerCount,
  };
  const certificateJob = transition.effects.find((effect) => effect.type === 'job' && effect.name === 'generate-certificate');

  const carryOut = async (effect: TEffect): Promise<void> => {
    switch (effect.type) {
      case 'mail': {
        if (effect.template === 'application-approved') {
          // Sent by the certificate job once the PDF is stored (issueCertificate's notifyTemplate),
          // so the member is never told about a certificate that is not there yet.
          if (!certificateJob) throw new Error('application transition: application-approved without a certificate to announce');
          return;
        }
        for (const mail of await mailsForEffect(tx, effect, mailSource)) await queueMail(tx, input.tenant.id, mail.to, mail.content);
        return;
      }
      case 'audit':
        await recordAudit(tx, {
          tenantId: input.tenant.id,
          actorUserId: input.actor.userId,
          action: effect.action,
          targetType: 'application',
          targetId: saved.id,
          before: { state: application.state },
          after: {
            state: transition.to,
            referenceNumber,
            ...(input.event.type === 'return_for_correction' ? { message: input.event.message } : {}),
            ...(input.event.type === 'reject' ? { reason: input.event.reason } : {}),
            ...(result.membershipNumber ? { membershipNumber: result.membershipNumber } : {}),
          },
          ip: input.clientAddress,
        });
        return;
      case 'activate-membership': {
        const activated = await activateMembership(tx, {
          tenant: input.tenant,
          organisationId: result.organisationId,
          actorUserId: input.actor.userId,
          clientAddress: input.clientAddress,
          now: input.now,
        });
        result.membershipNumber = activated.membershipNumber;
        return;
      }
      case 'job': {
        if (effect.reason !== 'application_approved') throw new Error(`application transition: no certificate for ${effect.reason}`);
        const issued = await issueCertificate(tx, {
          tenant: input.tenant,
          organisationId: result.organisationId,
          actorUserId: input.actor.userId,
          reason: effect.reason,
          notifyTemplate: 'application-approved',
          now: input.now,
        });
        result.certificateId = issued.certificateId;
        return;
      }
      default:
        throw new Error(`application transition: no executor for effect ${effect.type}`);
    }
  };

  for (const effect of transition.effects) {
    await carryOut(effect);
  }
  return result;
}
