import { schema } from '@kyogikai/db';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { type TFailedMail, ZListFailedMailOutput } from './mail.schema';

/** How many failed rows the page shows at once: newest first; older ones stay in the database. */
const LIMIT = 200;

/**
 * 送信できなかったメール (issue 6 item 8): the tenant's outbox rows the queue gave up on, newest
 * first, with the reason of the last attempt. Certificate jobs that failed (a missing glyph, an
 * object store away for good) are listed too, since their mail can only follow them.
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
          attempts: o.attempts,
          lastError: o.lastError,
          failedAt: o.failedAt,
          createdAt: o.createdAt,
        })
        .from(o)
        .leftJoin(c, and(eq(o.kind, 'certificate'), eq(c.tenantId, o.tenantId), sql`${c.id}::text = ${o.payload} ->> 'certificateId'`))
        .where(and(eq(o.status, 'failed'), isNotNull(o.failedAt)))
        .orderBy(desc(o.failedAt), desc(o.id))
        .limit(LIMIT);
      return rows.map((row) => ({
        ...row,
        template: row.kind === 'certificate' ? 'certificate' : (row.template ?? ''),
        failedAt: row.failedAt as Date,
      }));
    }),
  );
