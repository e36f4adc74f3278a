import { schema, type TenantTx } from '@kyogikai/db';
import {
  checkOrganisationDraftEditable,
  missingOrganisationFields,
  type TApplicationState,
  type TOrganisationTextField,
  type TTenantConfig,
} from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { notFound } from '../trpc/app-error';
import { loadChecklist } from '../application/checklist';
import { type ApplicationSummary, findCurrentApplication, isOpenApplication } from '../organisation/open-application';

export const MY_PAGE_STEPS = ['step1', 'step2', 'submit', 'review', 'certificate'] as const;
export type TMyPageStepKey = (typeof MY_PAGE_STEPS)[number];
export type TMyPageStepStatus = 'done' | 'current' | 'todo';

/** States in which the application has been handed in and not sent back for correction. */
const HANDED_IN: readonly TApplicationState[] = ['submitted', 'under_review', 'resubmitted', 'forwarded', 'approved'];

/**
 * The timeline of マイページ (SPEC B1, C2): STEP1 → STEP2 → 申請 → 審査 → 入会証明書. A step is
 * done when what it stands for has happened; the first step not done is the current one, the rest
 * are still to do. STEP2 is done once at least one worker is registered and every worker has an
 * establishment and all required documents.
 */
export function myPageSteps(input: {
  application: ApplicationSummary | null;
  step1Missing: readonly string[];
  /** At least one worker, each with an establishment and every required document (SPEC B4). */
  areWorkersComplete: boolean;
  hasCertificate: boolean;
}): { key: TMyPageStepKey; status: TMyPageStepStatus }[] {
  const isHandedIn = input.application !== null && HANDED_IN.includes(input.application.state);
  const done: Record<TMyPageStepKey, boolean> = {
    step1: isHandedIn || input.step1Missing.length === 0,
    step2: isHandedIn || input.areWorkersComplete,
    submit: isHandedIn,
    review: input.application?.state === 'approved',
    certificate: input.hasCertificate,
  };
  const current = MY_PAGE_STEPS.find((key) => !done[key]);
  return MY_PAGE_STEPS.map((key) => ({ key, status: done[key] ? 'done' : key === current ? 'current' : 'todo' }));
}

/** Everything マイページ shows about the acting organisation, read in its organisation-scoped transaction. */
export async function getMyPage(tx: TenantTx, organisationId: string, config: TTenantConfig) {
  const o = schema.organisations;
  const [organisation] = await tx.select().from(o).where(eq(o.id, organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const application = await findCurrentApplication(tx);
  const [certificate] = await tx.select({ id: schema.certificates.id }).from(schema.certificates).limit(1);
  const step1MissingFields: TOrganisationTextField[] = missingOrganisationFields(organisation, {
    corporateNumberRequired: config.corporateNumberRequired,
  });
  // Once handed in, STEP2 is done whatever the workers are now: a member with 1,000 workers need not
  // have every document checked on each visit (bench/registered-data.ts: 18 → 44-53 ms).
  const isHandedIn = application !== null && HANDED_IN.includes(application.state);
  const areWorkersComplete = isHandedIn || (await workersComplete(tx, config, organisationId));
  const editable = checkOrganisationDraftEditable(organisation.membershipState, isOpenApplication(application) ? application.state : null);
  return {
    organisation: { id: organisation.id, corporateName: organisation.corporateName, membershipState: organisation.membershipState },
    application,
    steps: myPageSteps({ application, step1Missing: step1MissingFields, areWorkersComplete, hasCertificate: certificate !== undefined }),
    step1MissingFields,
    isEditable: editable.ok,
    reviewTargetWorkingDays: config.reviewTargetWorkingDays,
    secretariat: config.secretariatContact,
  };
}

/** STEP2 is complete: at least one worker, each with an establishment and every required document. */
async function workersComplete(tx: TenantTx, config: TTenantConfig, organisationId: string): Promise<boolean> {
  const checklist = await loadChecklist(tx, config, organisationId);
  return checklist.workerCount > 0 && !checklist.items.some((item) => item.kind !== 'step1');
}
