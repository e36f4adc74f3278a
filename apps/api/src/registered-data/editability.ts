import { schema, type TenantTx } from '@kyogikai/db';
import { checkOrganisationDraftEditable } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { findCurrentApplication, isOpenApplication } from '../organisation/open-application';
import { AppError, notFound } from '../trpc/app-error';

/**
 * The guard of every portal edit path of the application's registered data (STEP1, establishments,
 * workers, documents; SPEC C1, issue 5 item 7), in the organisation transaction that makes the
 * edit. Same rule as STEP1's 一時保存: editable while the application in progress is draft or
 * returned (refused `application.lockedUnderReview` once it is handed in; a member changes through
 * change requests; a withdrawn organisation is read-only). Takes a share lock on the open
 * application, so a submission (which locks it for update) waits for this edit to commit and then
 * sees it, or this edit waits for the submission and is refused.
 */
export async function assertRegisteredDataEditable(tx: TenantTx, organisationId: string): Promise<void> {
  const o = schema.organisations;
  const [organisation] = await tx.select({ membershipState: o.membershipState }).from(o).where(eq(o.id, organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const application = await findCurrentApplication(tx, { lock: true });
  const editable = checkOrganisationDraftEditable(organisation.membershipState, isOpenApplication(application) ? application.state : null);
  if (!editable.ok) throw new AppError('FORBIDDEN', editable.messageKey);
}
