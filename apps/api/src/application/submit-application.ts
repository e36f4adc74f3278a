import { schema, type TenantTx } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../trpc/app-error';
import { applyApplicationTransition } from './apply-transition';
import type { MemberAction } from '../organisation/member-action';

export type SubmitApplicationInput = MemberAction & {
  tenantUrl: (path: string) => string;
  applicationId: string;
  version: number;
};

export type SubmittedApplication = {
  referenceNumber: string;
  /** When it was handed in this time (the first submission, or the resubmission). */
  submittedAt: Date;
  /** True when this handed in an application returned for correction (same reference number). */
  isResubmission: boolean;
};

/**
 * 「上記内容で申請を行う」 (SPEC B5, C1) on the 申請内容の確認 page: a draft is submitted (reference
 * number, receipt, secretariat notice); an application the secretariat returned for correction is
 * resubmitted (same reference number; receipt and a notice that it came back). Both through the
 * application machine's executor, in the organisation's transaction; locked from then on (C1).
 */
export async function submitApplication(tx: TenantTx, input: SubmitApplicationInput): Promise<SubmittedApplication> {
  const a = schema.applications;
  const [current] = await tx.select({ state: a.state }).from(a).where(eq(a.id, input.applicationId));
  if (!current) throw notFound('application.notFound');
  const isResubmission = current.state === 'returned';
  const applied = await applyApplicationTransition(tx, {
    tenant: input.tenant,
    actor: { kind: 'applicant', userId: input.userId, organisationId: input.organisationId, permissions: input.permissions },
    clientAddress: input.clientAddress,
    now: input.now,
    tenantUrl: input.tenantUrl,
    applicationId: input.applicationId,
    version: input.version,
    event: { type: isResubmission ? 'resubmit' : 'submit' },
  });
  const [saved] = await tx
    .select({ submittedAt: a.submittedAt, resubmittedAt: a.resubmittedAt })
    .from(a)
    .where(eq(a.id, applied.applicationId));
  const submittedAt = isResubmission ? saved?.resubmittedAt : saved?.submittedAt;
  if (!submittedAt) throw new AppError('CONFLICT', 'common.conflict');
  return { referenceNumber: applied.referenceNumber, submittedAt, isResubmission };
}
