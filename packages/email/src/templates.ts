import { z } from 'zod';
import { accountActivationTemplate } from './emails/account-activation';
import { accountAlreadyRegisteredTemplate } from './emails/account-already-registered';
import { applicationApprovedTemplate } from './emails/application-approved';
import { applicationForwardedNoticeTemplate } from './emails/application-forwarded-notice';
import { applicationReceivedTemplate } from './emails/application-received';
import { applicationRejectedTemplate } from './emails/application-rejected';
import { applicationResubmittedTemplate } from './emails/application-resubmitted';
import { applicationResubmittedNoticeTemplate } from './emails/application-resubmitted-notice';
import { applicationReturnedTemplate } from './emails/application-returned';
import { applicationSubmittedNoticeTemplate } from './emails/application-submitted-notice';
import { applicationWithdrawnNoticeTemplate } from './emails/application-withdrawn-notice';
import { certificateReissuedTemplate } from './emails/certificate-reissued';
import { membershipWithdrawnTemplate } from './emails/membership-withdrawn';
import { membershipWithdrawnNoticeTemplate } from './emails/membership-withdrawn-notice';
import { changeRequestAppliedTemplate } from './emails/change-request-applied';
import { changeRequestApprovedTemplate } from './emails/change-request-approved';
import { changeRequestForwardedNoticeTemplate } from './emails/change-request-forwarded-notice';
import { changeRequestReceivedTemplate } from './emails/change-request-received';
import { changeRequestRejectedTemplate } from './emails/change-request-rejected';
import { changeRequestSubmittedNoticeTemplate } from './emails/change-request-submitted-notice';
import { organisationAccessRevokedTemplate } from './emails/organisation-access-revoked';
import { organisationInvitationTemplate } from './emails/organisation-invitation';
import { passwordResetTemplate } from './emails/password-reset';
import { reissueDeclinedTemplate } from './emails/reissue-declined';
import { reissueRequestReceivedTemplate } from './emails/reissue-request-received';
import { reissueRequestedNoticeTemplate } from './emails/reissue-requested-notice';
import { staffAccountCreatedTemplate } from './emails/staff-account-created';

/**
 * The one list of email templates: name (= file name in `emails/`) → definition. Adding a
 * template means adding its file and one line here; names, prop types and the job-payload
 * validation below all follow from this map.
 */
export const emailTemplates = {
  'account-activation': accountActivationTemplate,
  'account-already-registered': accountAlreadyRegisteredTemplate,
  'application-approved': applicationApprovedTemplate,
  'application-forwarded-notice': applicationForwardedNoticeTemplate,
  'application-received': applicationReceivedTemplate,
  'application-rejected': applicationRejectedTemplate,
  'application-resubmitted': applicationResubmittedTemplate,
  'application-resubmitted-notice': applicationResubmittedNoticeTemplate,
  'application-returned': applicationReturnedTemplate,
  'application-submitted-notice': applicationSubmittedNoticeTemplate,
  'application-withdrawn-notice': applicationWithdrawnNoticeTemplate,
  'certificate-reissued': certificateReissuedTemplate,
  'membership-withdrawn': membershipWithdrawnTemplate,
  'membership-withdrawn-notice': membershipWithdrawnNoticeTemplate,
  'change-request-applied': changeRequestAppliedTemplate,
  'change-request-approved': changeRequestApprovedTemplate,
  'change-request-forwarded-notice': changeRequestForwardedNoticeTemplate,
  'change-request-received': changeRequestReceivedTemplate,
  'change-request-rejected': changeRequestRejectedTemplate,
  'change-request-submitted-notice': changeRequestSubmittedNoticeTemplate,
  'organisation-access-revoked': organisationAccessRevokedTemplate,
  'organisation-invitation': organisationInvitationTemplate,
  'password-reset': passwordResetTemplate,
  'reissue-declined': reissueDeclinedTemplate,
  'reissue-request-received': reissueRequestReceivedTemplate,
  'reissue-requested-notice': reissueRequestedNoticeTemplate,
  'staff-account-created': staffAccountCreatedTemplate,
} as const;

type TTemplates = typeof emailTemplates;
export type TEmailTemplateName = keyof TTemplates;
/** Props each template takes, by name (what a producer puts in a mail job's `props`). */
export type TEmailTemplateProps = { [K in TEmailTemplateName]: z.infer<TTemplates[K]['schema']> };

export const EMAIL_TEMPLATE_NAMES = Object.keys(emailTemplates) as [TEmailTemplateName, ...TEmailTemplateName[]];
export const ZEmailTemplateName = z.enum(EMAIL_TEMPLATE_NAMES);

/**
 * A template name with its matching props, as a discriminated union: lets a producer build a
 * mail job's `{ template, props }` with the compiler checking the pair.
 */
export type TEmailContent = { [K in TEmailTemplateName]: { template: K; props: TEmailTemplateProps[K] } }[TEmailTemplateName];

/** Thrown for anything that makes an email impossible to render (retrying will not help). */
export class EmailInputError extends Error {
  override readonly name = 'EmailInputError';
  constructor(
    readonly kind: 'template' | 'props' | 'branding' | 'link',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isEmailTemplateName(value: string): value is TEmailTemplateName {
  return Object.hasOwn(emailTemplates, value);
}

/** Validates `props` against the template's schema; throws `EmailInputError` ('template' or 'props'). */
export function parseEmailProps<T extends TEmailTemplateName>(template: T, props: unknown): TEmailTemplateProps[T];
export function parseEmailProps(template: string, props: unknown): TEmailTemplateProps[TEmailTemplateName];
export function parseEmailProps(template: string, props: unknown) {
  if (!isEmailTemplateName(template)) {
    throw new EmailInputError('template', `unknown email template "${template}"`);
  }
  const result = emailTemplates[template].schema.safeParse(props);
  if (!result.success) {
    throw new EmailInputError('props', `invalid props for email "${template}": ${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * The shape `@kyogikai/jobs` asks for to validate mail jobs at enqueue time (structurally typed
 * there, so neither package imports the other). Pass it to `createBullMqJobQueue` /
 * `createInlineJobQueue` as `templates`.
 */
export const emailTemplateCatalog = {
  names: EMAIL_TEMPLATE_NAMES,
  parseProps: (template: string, props: unknown): Record<string, unknown> => parseEmailProps(template, props),
} as const;
