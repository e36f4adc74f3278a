import { schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import type { TEffect } from '@kyogikai/domain';
import type { TEmailContent } from '@kyogikai/email';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';

type TMailEffect = Extract<TEffect, { type: 'mail' }>;

/** The admin page of one request (apps/admin/src/routes/change-request-detail.tsx). */
export function changeRequestAdminPath(changeRequestId: string): string {
  return `/admin/change-requests/${changeRequestId}`;
}

export type ChangeRequestMailSource = {
  tenant: TenantRecord;
  tenantUrl: (path: string) => string;
  request: { id: string; reason: string | null; decisionReason: string | null };
  /** The organisation as it is after the transition (new values once applied). */
  organisation: { corporateName: string | null; contactName: string | null; contactEmail: string | null; membershipNumber: string | null };
  /** The contact address before the transition, when an applied item changed it (D5). */
  previousContactEmail: string | null;
  changes: { label: string; before: string; after: string }[];
  issuesCertificate: boolean;
  at: Date;
};

export type QueuedChangeMail = { to: string; content: TEmailContent };

/**
 * The mails one `mail` effect of the change-request machine stands for (ADR 010). `applicant` is
 * the organisation's contact (担当者); for `change-request-applied` also the contact address it had
 * before, so a changed address never goes unnoticed. `secretariat` is the council's contact
 * address, `ministry` every active ministry user. A pair the API cannot build throws: an effect is
 * never skipped silently.
 */
export async function mailsForChangeRequestEffect(
  tx: TenantTx,
  effect: TMailEffect,
  source: ChangeRequestMailSource,
): Promise<QueuedChangeMail[]> {
  const { organisation, tenant, request, changes } = source;
  const corporateName = organisation.corporateName ?? '';
  const recipientName = organisation.contactName ?? corporateName;
  const at = source.at.toISOString();
  const myPageUrl = source.tenantUrl('/');
  const adminUrl = source.tenantUrl(changeRequestAdminPath(request.id));
  const membershipNumber = organisation.membershipNumber ?? '';
  const contact = () => {
    if (!organisation.contactEmail) throw new AppError('CONFLICT', 'changeRequest.noContactEmail');
    return organisation.contactEmail;
  };
  const key = `${effect.template}→${effect.to}`;
  switch (key) {
    case 'change-request-received→applicant':
      return [
        {
          to: contact(),
          content: {
            template: 'change-request-received',
            props: { corporateName, recipientName, submittedAt: at, changes, reason: request.reason ?? '', myPageUrl },
          },
        },
      ];
    case 'change-request-submitted-notice→secretariat':
      return [
        {
          to: tenant.config.secretariatContact.email,
          content: {
            template: 'change-request-submitted-notice',
            props: { corporateName, membershipNumber, submittedAt: at, changes, reason: request.reason ?? '', adminUrl },
          },
        },
      ];
    case 'change-request-applied→applicant': {
      const addresses = [...new Set([contact(), source.previousContactEmail].filter((address): address is string => Boolean(address)))];
      return addresses.map((to) => ({
        to,
        content: {
          template: 'change-request-applied',
          props: { corporateName, recipientName, appliedAt: at, changes, reason: request.reason ?? '', myPageUrl },
        },
      }));
    }
    case 'change-request-approved→applicant':
      return [
        {
          to: contact(),
          content: {
            template: 'change-request-approved',
            props: { corporateName, recipientName, decidedAt: at, changes, issuesCertificate: source.issuesCertificate, myPageUrl },
          },
        },
      ];
    case 'change-request-rejected→applicant':
      return [
        {
          to: contact(),
          content: {
            template: 'change-request-rejected',
            props: { corporateName, recipientName, decidedAt: at, changes, decisionReason: request.decisionReason ?? '', myPageUrl },
          },
        },
      ];
    case 'change-request-forwarded-notice→ministry': {
      const u = schema.users;
      const ministry = await tx
        .select({ email: u.email, displayName: u.displayName })
        .from(u)
        .where(and(eq(u.tenantId, tenant.id), eq(u.role, 'ministry'), eq(u.status, 'active')))
        .orderBy(asc(u.createdAt), asc(u.id));
      // Forwarding to a ministry nobody can sign in to would leave the request unseen.
      if (ministry.length === 0) throw new AppError('CONFLICT', 'review.noMinistryStaff');
      return ministry.map((user) => ({
        to: user.email,
        content: {
          template: 'change-request-forwarded-notice',
          props: { recipientName: user.displayName, corporateName, membershipNumber, forwardedAt: at, changes, adminUrl },
        },
      }));
    }
    default:
      throw new Error(`change request transition: no mail for ${key}`);
  }
}
