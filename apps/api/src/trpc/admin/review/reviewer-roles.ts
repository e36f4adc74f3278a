/**
 * Staff who review applications: the secretariat, and the ministry where it approves. Tenant
 * administrators configure the council and manage staff; they do not read applicants' documents.
 * Which decision each role may take is the application machine's answer, not this list's.
 */
export const REVIEWER_ROLES = ['secretariat', 'ministry'] as const;
