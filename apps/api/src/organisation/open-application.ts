import { schema, type TenantTx } from '@kyogikai/db';
import { APPLICATION_FINAL_STATES, type TApplicationState } from '@kyogikai/domain';
import { desc, inArray, not } from 'drizzle-orm';

export interface ApplicationSummary {
  id: string;
  state: TApplicationState;
  referenceNumber: string | null;
  submittedAt: Date | null;
}

/**
 * The organisation's application in progress (at most one, by a unique index), else its latest
 * decided one, else null. Run inside `withOrganisation`: row-level security limits it to that
 * organisation. `lock` takes a share lock on the open application, so a submission cannot move it
 * while a draft save is deciding whether it may save.
 */
export async function findCurrentApplication(tx: TenantTx, options: { lock?: boolean } = {}): Promise<ApplicationSummary | null> {
  const a = schema.applications;
  const columns = { id: a.id, state: a.state, referenceNumber: a.referenceNumber, submittedAt: a.submittedAt };
  const openQuery = tx
    .select(columns)
    .from(a)
    .where(not(inArray(a.state, [...APPLICATION_FINAL_STATES])))
    .limit(1);
  const [open] = options.lock ? await openQuery.for('share') : await openQuery;
  if (open) return open;
  const [latest] = await tx.select(columns).from(a).orderBy(desc(a.createdAt), desc(a.id)).limit(1);
  return latest ?? null;
}

export function isOpenApplication(application: ApplicationSummary | null): application is ApplicationSummary {
  return application !== null && !(APPLICATION_FINAL_STATES as readonly string[]).includes(application.state);
}
