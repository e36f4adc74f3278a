import { schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import type { TEffect } from '@kyogikai/domain';
import type { TEmailContent } from '@kyogikai/email';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';

type TMailEffect = Extract<TEffect, { type: 'mail' }>;

/** What the mails of an application transition are made from: the rows as saved by the transition. */
export type ApplicationMailSource = {
  tenant: TenantRecord;
  tenantUrl: (path: string) => string;
  application: {
    id: string;
    referenceNumber: string;
    returnedMessage: string | null;
    decisionReason: string | null;
  };
  organisation: { corporateName: string | null; contactName: string | null; contactEmail: string | null };
  /** When this transition happened. */
  at: Date;
  workerCount: number;
};

export type QueuedMail = { to: string; content: TEmailContent };

/**
 * The mails one `mail` effect of the application machine stands for (to whom, with which props).
 * `applicant` is the organisation's contact (担当者), `secretariat` the council's contact address,
 * `ministry` every active ministry user of the tenant (the config names no ministry address; the
 * approvers are the ministry's own staff accounts). A pair the API cannot build throws: an effect
 * is never skipped silently.
 */
export async function mailsForEffect(tx: TenantTx, effect: TMailEffect, source: ApplicationMailSource): Promise<QueuedMail[]> {
  const { application, organisation, tenant } = source;
  const corporateName = organisation.corporateName ?? '';
  const recipientName = organisation.contactName ?? corporateName;
  const referenceNumber = application.referenceNumber;
  const at = source.at.toISOString();
  const myPageUrl = source.tenantUrl('/');
  const applicationUrl = source.tenantUrl(`/admin/applications/${application.id}`);
  const applicantAddress = () => {
    if (!organisation.contactEmail) throw new AppError('CONFLICT', 'application.noContactEmail');
    return organisation.contactEmail;
  };
  const secretariat = tenant.config.secretariatContact.email;
  const key = `${effect.template}→${effect.to}`;

  switch (key) {
    case 'application-received→applicant':
      return [
        {
          to: applicantAddress(),
          content: {
            template: 'application-received',
            props: {
              corporateName,
              recipientName,
              referenceNumber,
              submittedAt: at,
              workerCount: source.workerCount,
              reviewTargetWorkingDays: tenant.config.reviewTargetWorkingDays,
              myPageUrl,
            },
          },
        },
      ];
    case 'application-submitted-notice→secretariat':
      return [
        {
          to: secretariat,
          content: {
            template: 'application-submitted-notice',
            props: {
              corporateName,
              referenceNumber,
              submittedAt: at,
              workerCount: source.workerCount,
              adminUrl: source.tenantUrl('/admin/'),
            },
          },
        },
      ];
    case 'application-resubmitted→applicant':
      return [
        {
          to: applicantAddress(),
          content: {
            template: 'application-resubmitted',
            props: {
              corporateName,
              recipientName,
              referenceNumber,
              resubmittedAt: at,
              reviewTargetWorkingDays: tenant.config.reviewTargetWorkingDays,
              myPageUrl,
            },
          },
        },
      ];
    case 'application-resubmitted-notice→secretariat':
      return [
        {
          to: secretariat,
          content: {
            template: 'application-resubmitted-notice',
            props: { corporateName, referenceNumber, resubmittedAt: at, applicationUrl },
          },
        },
      ];
    case 'application-returned→applicant':
      return [
        {
          to: applicantAddress(),
          content: {
            template: 'application-returned',
            props: { corporateName, recipientName, referenceNumber, message: application.returnedMessage ?? '', returnedAt: at, myPageUrl },
          },
        },
      ];
    case 'application-rejected→applicant':
      return [
        {
          to: applicantAddress(),
          content: {
            template: 'application-rejected',
            props: { corporateName, recipientName, referenceNumber, reason: application.decisionReason ?? '', decidedAt: at, myPageUrl },
          },
        },
      ];
    case 'application-withdrawn-notice→secretariat':
      return [
        {
          to: secretariat,
          content: { template: 'application-withdrawn-notice', props: { corporateName, referenceNumber, withdrawnAt: at } },
        },
      ];
    case 'application-forwarded-notice→ministry': {
      const u = schema.users;
      const ministry = await tx
        .select({ email: u.email, displayName: u.displayName })
        .from(u)
        .where(and(eq(u.tenantId, tenant.id), eq(u.role, 'ministry'), eq(u.status, 'active')))
        .orderBy(asc(u.createdAt), asc(u.id));
      // Forwarding to a ministry nobody can sign in to would leave the application unseen.
      if (ministry.length === 0) throw new AppError('CONFLICT', 'review.noMinistryStaff');
      return ministry.map((user) => ({
        to: user.email,
        content: {
          template: 'application-forwarded-notice',
          props: { recipientName: user.displayName, corporateName, referenceNumber, forwardedAt: at, applicationUrl },
        },
      }));
    }
    default:
      throw new Error(`application transition: no mail for ${key}`);
  }
}
