import { recordAudit, schema } from '@kyogikai/db';
import { and, eq, ne } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { REVIEWER_ROLES } from './reviewer-roles';
import { ZAddNoteInput, ZNote } from './review.schema';

/** An internal note on an application: staff only (the table is unreadable in applicant transactions). */
export const addNote = staffProcedure(REVIEWER_ROLES)
  .input(ZAddNoteInput)
  .output(ZNote)
  .mutation(({ ctx, input }) =>
    inTenant(ctx, async (tx) => {
      const a = schema.applications;
      const [application] = await tx
        .select({ id: a.id, organisationId: a.organisationId })
        .from(a)
        .where(and(eq(a.id, input.applicationId), ne(a.state, 'draft')));
      if (!application) throw notFound('application.notFound');
      const n = schema.applicationNotes;
      const [note] = await tx
        .insert(n)
        .values({
          tenantId: ctx.tenant.id,
          organisationId: application.organisationId,
          applicationId: application.id,
          authorUserId: ctx.session.user.id,
          body: input.body,
          createdAt: ctx.clock.now(),
        })
        .returning({ id: n.id, body: n.body, createdAt: n.createdAt });
      if (!note) throw new Error('addNote: insert returned no row');
      await recordAudit(tx, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.session.user.id,
        action: 'application.note_added',
        targetType: 'application',
        targetId: application.id,
        after: { noteId: note.id },
        ip: ctx.clientAddress,
      });
      const u = schema.users;
      const [author] = await tx
        .select({ name: u.displayName })
        .from(u)
        .where(and(eq(u.tenantId, ctx.tenant.id), eq(u.id, ctx.session.user.id)));
      return { ...note, authorName: author?.name ?? '' };
    }),
  );
