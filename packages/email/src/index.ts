export { type TEmailBranding, ZAbsoluteHttpUrl, ZEmailBranding, previewBranding } from './branding';
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
