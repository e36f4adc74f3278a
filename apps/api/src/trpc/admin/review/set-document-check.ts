import { recordAudit, schema } from '@kyogikai/db';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { REVIEWER_ROLES } from './reviewer-roles';
import { ZDocumentCheck, ZSetDocumentCheckInput } from './review.schema';

/**
 * The reviewer's checklist (issue 6 item 2): marks one current document of the application ok, or
 * needing correction with a reason. Setting it again overwrites the earlier result; each change is
 * in the audit log. The document must belong to the application's organisation.
 */
export const setDocumentCheck = staffProcedure(REVIEWER_ROLES)
  .input(ZSetDocumentCheckInput)
  .output(ZDocumentCheck)
  .mutation(({ ctx, input }) =>
    inTenant(ctx, async (tx) => {
      const a = schema.applications;
      const d = schema.documents;
      const [application] = await tx
        .select({ id: a.id, organisationId: a.organisationId })
        .from(a)
        .where(and(eq(a.id, input.applicationId), ne(a.state, 'draft')));
      if (!application) throw notFound('application.notFound');
      const [document] = await tx
        .select({ id: d.id })
        .from(d)
        .where(
          and(
            eq(d.id, input.documentId),
            eq(d.organisationId, application.organisationId),
            isNull(d.replacedAt),
            isNull(d.deletedAt),
            isNull(d.pendingChangeItemId),
          ),
        );
      if (!document) throw notFound('document.notFound');
      const now = ctx.clock.now();
      const reason = input.result === 'ok' ? null : (input.reason ?? null);
      const dc = schema.documentChecks;
      await tx
        .insert(dc)
        .values({
          tenantId: ctx.tenant.id,
          organisationId: application.organisationId,
          applicationId: application.id,
          documentId: document.id,
          result: input.result,
          reason,
          checkedByUserId: ctx.session.user.id,
          checkedAt: now,
        })
        .onConflictDoUpdate({
          target: [dc.tenantId, dc.applicationId, dc.documentId],
          set: { result: input.result, reason, checkedByUserId: ctx.session.user.id, checkedAt: now },
        });
      await recordAudit(tx, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.session.user.id,
        action: 'document.checked',
        targetType: 'document',
        targetId: document.id,
        after: { applicationId: application.id, result: input.result, reason },
        ip: ctx.clientAddress,
      });
      const u = schema.users;
      const [checker] = await tx
        .select({ name: u.displayName })
        .from(u)
        .where(and(eq(u.tenantId, ctx.tenant.id), eq(u.id, ctx.session.user.id)));
      return { result: input.result, reason, checkedAt: now, checkedByName: checker?.name ?? '' };
    }),
  );
