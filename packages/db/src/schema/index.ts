// Tables only: this module is passed to drizzle() as the schema and re-exported as `schema`.
export { accountTokens } from './account-tokens';
export { applicationStateCounts } from './application-state-counts';
export { applications } from './applications';
export { auditEvents } from './audit-events';
export { certificates, reissueRequests } from './certificates';
export { changeItems, changeRequests } from './change-requests';
export { consentAgreements } from './consent-agreements';
export { documents } from './documents';
export { organisationInvitations } from './organisation-invitations';
export { organisationMemberships, organisations } from './organisations';
export { outboxMessages } from './outbox';
export { establishments, workerEstablishments, workers } from './registered-data';
export { applicationNotes, documentChecks } from './review';
export { sessions } from './sessions';
export { signInThrottles } from './sign-in-throttles';
export { tenantConfigVersions } from './tenant-config-versions';
export { tenants } from './tenants';
export { users } from './users';
