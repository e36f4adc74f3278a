import type { Platform } from './platform';

export interface StaffAccount {
  email: string;
  name: string;
  password: string;
  role: 'secretariat' | 'ministry' | 'tenant_admin';
}
export interface ApplicantAccount {
  loginId: string;
  email: string;
  name: string;
  password: string;
  /** 法人名 of the organisation created with the account. */
  corporateName?: string;
}

export async function createStaff(platform: Platform, tenant: string, staff: StaffAccount): Promise<void> {
  await platform.cli([
    'create-staff',
    '--tenant',
    tenant,
    '--email',
    staff.email,
    '--role',
    staff.role,
    '--name',
    staff.name,
    '--password',
    staff.password,
  ]);
}

export async function createApplicant(platform: Platform, tenant: string, applicant: ApplicantAccount): Promise<void> {
  await platform.cli([
    'create-applicant',
    '--tenant',
    tenant,
    '--login-id',
    applicant.loginId,
    '--email',
    applicant.email,
    '--name',
    applicant.name,
    '--corporate-name',
    applicant.corporateName ?? `${applicant.name}の法人`,
    '--password',
    applicant.password,
  ]);
}
