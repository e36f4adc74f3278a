export * from './auth/password-policy';
export * from './auth/roles';
export * from './tenant/tenant-config';
