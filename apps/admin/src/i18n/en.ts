import type { CatalogueOf } from '@kyogikai/ui';
import type { adminJa } from './ja';

export const adminEn: CatalogueOf<typeof adminJa> = {
  app: {
    name: 'Administration',
  },
  signIn: {
    title: 'Sign in',
    lead: 'For secretariat and ministry staff. Enter your registered email address and password.',
    email: 'Email address',
  },
  auth: {
    invalidCredentials: 'The email address or password is not correct.',
  },
  dashboard: {
    title: 'Dashboard',
    welcome: 'Welcome, {{name}}.',
    accountHeading: 'Signed-in account',
    displayName: 'Name',
    role: 'Role',
    tenant: 'Council',
    email: 'Email address',
  },
  roles: {
    secretariat: 'Secretariat',
    ministry: 'Ministry',
    tenant_admin: 'Council administrator',
    applicant: 'Applicant',
  },
};
