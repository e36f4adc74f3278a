export { type TEmailBranding, ZAbsoluteHttpUrl, ZEmailBranding, previewBranding } from './branding';
export { type TAccountActivationProps, ZAccountActivationProps } from './emails/account-activation';
export { type TAccountAlreadyRegisteredProps, ZAccountAlreadyRegisteredProps } from './emails/account-already-registered';
export { type TApplicationReceivedProps, ZApplicationReceivedProps } from './emails/application-received';
export { type TApplicationSubmittedNoticeProps, ZApplicationSubmittedNoticeProps } from './emails/application-submitted-notice';
export { type TMembershipWithdrawnProps, ZMembershipWithdrawnProps } from './emails/membership-withdrawn';
export { type TMembershipWithdrawnNoticeProps, ZMembershipWithdrawnNoticeProps } from './emails/membership-withdrawn-notice';
export { type TPasswordResetProps, ZPasswordResetProps } from './emails/password-reset';
export { type TReissueDeclinedProps, ZReissueDeclinedProps } from './emails/reissue-declined';
export { type TReissueRequestReceivedProps, ZReissueRequestReceivedProps } from './emails/reissue-request-received';
export { type TReissueRequestedNoticeProps, ZReissueRequestedNoticeProps } from './emails/reissue-requested-notice';
export { type TStaffAccountCreatedProps, ZStaffAccountCreatedProps } from './emails/staff-account-created';
export { renderEmail, type TRenderedEmail } from './render';
export {
  EMAIL_TEMPLATE_NAMES,
  EmailInputError,
  emailTemplateCatalog,
  isEmailTemplateName,
  parseEmailProps,
  type TEmailContent,
  type TEmailTemplateName,
  type TEmailTemplateProps,
  ZEmailTemplateName,
} from './templates';
