import { randomInt } from 'node:crypto';
import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { applicantActor, formatReferenceNumber, type TEffect, type TPermission, transitionApplication } from '@kyogikai/domain';
import type { TEmailContent } from '@kyogikai/email';
import { and, eq } from 'drizzle-orm';
import { queueMail } from '../mail/queue-mail';
import { AppError, notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import { loadChecklist } from './checklist';

export type SubmitApplicationInput = {
  tenant: TenantRecord;
  organisationId: string;
  userId: string;
  permissions: ReadonlySet<TPermission>;
  clientAddress: string;
  now: Date;
  tenantUrl: (path: string) => string;
  applicationId: string;
  version: number;
};

const japanYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric' });

/**
 * Writes the state change and, the first time, a reference number. The number is random within the
 * year (six digits; the applicant's own organisation cannot see the others under row-level security,
 * so it cannot count them); the unique constraint decides, and a collision retries in a savepoint.
 */
async function recordSubmission(tx: TenantTx, input: SubmitApplicationInput, to: 'submitted', existing: string | null) {
  const a = schema.applications;
  const year = Number(japanYear.format(input.now));
  for (let attempt = 0; ; attempt += 1) {
    const referenceNumber = existing ?? formatReferenceNumber(input.tenant.slug, year, randomInt(0, 1_000_000));
    try {
      return await tx.transaction(async (savepoint) => {
        const [saved] = await savepoint
          .update(a)
          .set({ state: to, referenceNumber, submittedAt: input.now, submittedByUserId: input.userId })
          .where(and(eq(a.id, input.applicationId), eq(a.version, input.version)))
          .returning({ referenceNumber: a.referenceNumber, submittedAt: a.submittedAt });
        return saved;
      });
    } catch (error) {
      const isCollision = pgErrorCode(error) === '23505' && pgConstraintName(error) === 'applications_tenant_id_reference_number_unique';
      if (!isCollision || existing !== null || attempt >= 5) throw error;
    }
  }
}

/**
 * 「上記内容で申請を行う」 (SPEC B5). In one organisation transaction: lock the organisation and the
 * application (edits hold a share lock on it, so they finish first or are refused after), check the
 * version the page was loaded with, fire the machine's `submit` as the applicant, refuse an
 * incomplete application with the number of missing items, then record the state, reference number,
 * who and when, and carry out the machine's effects in order: the receipt to the organisation's
 * contact, the notice to the secretariat (both through the outbox) and the audit entry. A second,
 * concurrent submit waits on the locks and then finds a newer version: CONFLICT.
 */
export async function submitApplication(
  tx: TenantTx,
  input: SubmitApplicationInput,
): Promise<{ referenceNumber: string; submittedAt: Date }> {
  const o = schema.organisations;
  const a = schema.applications;
  const [organisation] = await tx.select().from(o).where(eq(o.id, input.organisationId)).for('update');
  if (!organisation) throw notFound('organisation.notFound');
  const [application] = await tx.select().from(a).where(eq(a.id, input.applicationId)).for('update');
  if (!application) throw notFound('application.notFound');
  if (application.version !== input.version) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: application.version });

  const transition = transitionApplication(application.state, { type: 'submit' }, applicantActor(input.permissions), input.tenant.config);
  if (!transition.ok) throw transitionAppError(transition.error);
  const checklist = await loadChecklist(tx, input.tenant.config, input.organisationId);
  if (!checklist.isComplete) throw new AppError('BAD_REQUEST', 'application.incomplete', { count: checklist.items.length });

  const saved = await recordSubmission(tx, input, 'submitted', application.referenceNumber);
  if (!saved?.referenceNumber || !saved.submittedAt) throw new AppError('CONFLICT', 'common.conflict');
  const { referenceNumber, submittedAt } = saved;

  const config = input.tenant.config;
  const contactEmail = organisation.contactEmail ?? '';
  const corporateName = organisation.corporateName ?? '';
  const mailFor = (effect: Extract<TEffect, { type: 'mail' }>): { to: string; content: TEmailContent } => {
    if (effect.template === 'application-received' && effect.to === 'applicant') {
      return {
        to: contactEmail,
        content: {
          template: 'application-received',
          props: {
            corporateName,
            recipientName: organisation.contactName ?? corporateName,
            referenceNumber,
            submittedAt: submittedAt.toISOString(),
            workerCount: checklist.workerCount,
            reviewTargetWorkingDays: config.reviewTargetWorkingDays,
            myPageUrl: input.tenantUrl('/'),
          },
        },
      };
    }
    if (effect.template === 'application-submitted-notice' && effect.to === 'secretariat') {
      return {
        to: config.secretariatContact.email,
        content: {
          template: 'application-submitted-notice',
          props: {
            corporateName,
            referenceNumber,
            submittedAt: submittedAt.toISOString(),
            workerCount: checklist.workerCount,
            adminUrl: input.tenantUrl('/admin/'),
          },
        },
      };
    }
    throw new Error(`submit: no mail for ${effect.template} → ${effect.to}`);
  };

  for (const effect of transition.effects) {
    if (effect.type === 'mail') {
      const mail = mailFor(effect);
      await queueMail(tx, input.tenant.id, mail.to, mail.content);
    } else if (effect.type === 'audit') {
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actorUserId: input.userId,
        action: effect.action,
        targetType: 'application',
        targetId: application.id,
        before: { state: application.state },
        after: { state: transition.to, referenceNumber, submittedAt: submittedAt.toISOString() },
        ip: input.clientAddress,
      });
    } else {
      throw new Error(`submit: unexpected effect ${effect.type}`);
    }
  }
  return { referenceNumber, submittedAt };
}
