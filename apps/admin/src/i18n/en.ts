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
    menuHeading: 'Menu',
  },
  staffPage: {
    title: 'Staff accounts',
    backToDashboard: 'Back to the dashboard',
    listHeading: 'Staff',
    displayName: 'Name',
    email: 'Email address',
    role: 'Role',
    addHeading: 'Add a staff member',
    addLead:
      'The new member receives a notice with the address of the admin console. The initial password is not in that mail: give it to them separately.',
    initialPassword: 'Initial password',
    initialPasswordHint: 'Give it to the person separately.',
    addButton: 'Add staff member',
    added: '{{name}} was added. A notice is being mailed.',
    onlyAdminsAdd: 'Council administrators add staff members.',
  },
  roles: {
    secretariat: 'Secretariat',
    ministry: 'Ministry',
    tenant_admin: 'Council administrator',
    applicant: 'Applicant',
  },
};
