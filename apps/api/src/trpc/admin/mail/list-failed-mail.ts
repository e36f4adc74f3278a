import { schema } from '@kyogikai/db';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { type TFailedMail, ZListFailedMailOutput } from './mail.schema';

/** How many failed rows the page shows at once: newest first; older ones stay in the database. */
const LIMIT = 200;

/**
 * After this long an enqueued row whose job never finished counts as lost. Longer than the
 * queues' own retry spans (mail about an hour, certificates about 40 minutes), so a job that is
 * still retrying is never shown as stuck.
 */
const STUCK_AFTER = '3 hours';

/**
 * 送信できなかったメール (issue 6 item 8): the tenant's outbox rows the queue gave up on, newest
 * first, with the reason of the last attempt. Certificate jobs that failed (a missing glyph, an
 * object store away for good) are listed too, since their mail can only follow them, and so are
 * rows the queue lost (enqueued hours ago, never finished), which would otherwise wait forever.
 */
export const listFailedMail = staffProcedure(['secretariat', 'tenant_admin'])
  .output(ZListFailedMailOutput)
  .query(({ ctx }) =>
    inTenant(ctx, async (tx): Promise<TFailedMail[]> => {
      const o = schema.outboxMessages;
      const c = schema.certificates;
      const rows = await tx
        .select({
          id: o.id,
          kind: o.kind,
          recipient: sql<string | null>`${o.payload} ->> 'to'`,
          template: sql<string | null>`${o.payload} ->> 'template'`,
          corporateName: sql<string | null>`${c.fields} ->> 'corporateName'`,
          status: o.status,
          attempts: o.attempts,
          lastError: o.lastError,
          since: sql<Date>`coalesce(${o.failedAt}, ${o.enqueuedAt}, ${o.createdAt})`.mapWith(o.createdAt),
          createdAt: o.createdAt,
        })
        .from(o)
        .leftJoin(c, and(eq(o.kind, 'certificate'), eq(c.tenantId, o.tenantId), sql`${c.id}::text = ${o.payload} ->> 'certificateId'`))
        .where(or(eq(o.status, 'failed'), and(eq(o.status, 'enqueued'), sql`${o.enqueuedAt} < now() - ${STUCK_AFTER}::interval`)))
        .orderBy(desc(sql`coalesce(${o.failedAt}, ${o.enqueuedAt}, ${o.createdAt})`), desc(o.id))
        .limit(LIMIT);
      return rows.map(({ since, status, ...row }) => ({
        ...row,
        status: status === 'failed' ? 'failed' : 'stuck',
        template: row.kind === 'certificate' ? 'certificate' : (row.template ?? ''),
        failedAt: since,
      }));
    }),
  );
