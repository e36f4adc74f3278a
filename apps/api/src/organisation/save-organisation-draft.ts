import { recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { checkOrganisationDraftEditable, ORGANISATION_FIELDS, type TOrganisationDraft, type TOrganisationField } from '@kyogikai/domain';
import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../trpc/app-error';
import { findCurrentApplication, isOpenApplication } from './open-application';

export interface SaveDraftInput {
  tenantId: string;
  organisationId: string;
  actorUserId: string;
  clientAddress: string;
  /** The version the user's form was loaded with. */
  version: number;
  values: TOrganisationDraft;
}

/**
 * 一時保存 of STEP1 (SPEC B3), in the organisation-scoped transaction `tx`. Saves whatever was
 * given, complete or not (the schema already normalised it and refused only values that are there
 * and wrong). Refused while the application is under review (C1) or the organisation is no longer
 * edited directly (a member: change requests; withdrawn: read-only). Optimistic concurrency: the
 * save applies only to the version the user loaded; otherwise CONFLICT `organisation.draftChanged`
 * with the current version, so a second tab is told instead of silently overwriting the first.
 */
export async function saveOrganisationDraft(tx: TenantTx, input: SaveDraftInput): Promise<{ version: number; savedAt: Date }> {
  const o = schema.organisations;
  // The row lock orders concurrent saves: the second waits, then sees the first's new version.
  const [current] = await tx.select().from(o).where(eq(o.id, input.organisationId)).for('update');
  if (!current) throw notFound('organisation.notFound');

  const application = await findCurrentApplication(tx, { lock: true });
  const editable = checkOrganisationDraftEditable(current.membershipState, isOpenApplication(application) ? application.state : null);
  if (!editable.ok) throw new AppError('FORBIDDEN', editable.messageKey);

  if (current.version !== input.version) {
    throw new AppError('CONFLICT', 'organisation.draftChanged', { currentVersion: current.version });
  }

  const changes: Partial<Pick<typeof o.$inferInsert, TOrganisationField>> = {};
  const before: Partial<Record<TOrganisationField, unknown>> = {};
  for (const field of ORGANISATION_FIELDS) {
    const value = input.values[field];
    if (value === undefined || value === current[field]) continue;
    Object.assign(changes, { [field]: value });
    before[field] = current[field];
  }
  if (Object.keys(changes).length === 0) return { version: current.version, savedAt: current.updatedAt };

  const [saved] = await tx
    .update(o)
    .set(changes)
    .where(and(eq(o.id, input.organisationId), eq(o.version, input.version)))
    .returning({ version: o.version, updatedAt: o.updatedAt });
  if (!saved) throw new AppError('CONFLICT', 'organisation.draftChanged', { currentVersion: current.version });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'organisation.draft_saved',
    targetType: 'organisation',
    targetId: input.organisationId,
    before,
    after: changes,
    ip: input.clientAddress,
  });
  return { version: saved.version, savedAt: saved.updatedAt };
}
