// Tables only: this module is passed to drizzle() as the schema and re-exported as `schema`.
export { auditEvents } from './audit-events';
export { sessions } from './sessions';
export { signInThrottles } from './sign-in-throttles';
export { tenants } from './tenants';
export { users } from './users';
