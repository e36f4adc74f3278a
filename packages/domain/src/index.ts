export * from './application/application-states';
export * from './auth/password-policy';
export * from './auth/roles';
export * from './certificate/certificate-states';
export * from './change-request/change-request-states';
export * from './membership/membership-states';
export * from './organisation/organisation-roles';
export * from './tenant/tenant-config';
