import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { QUEUE_ROLES, ZListApplicationsInput, ZListApplicationsOutput } from './applications.schema';
import { countQueue, decodeQueueCursor, encodeQueueCursor, resolveQueueSearch, selectQueuePage, withWaiting } from './queue-queries';

/** The staff queue (SPEC G1, issue 6): one page, oldest waiting first, with the filter's total. */
export const listApplications = staffProcedure(QUEUE_ROLES)
  .input(ZListApplicationsInput)
  .output(ZListApplicationsOutput)
  .query(async ({ ctx, input }) => {
    const after = input.cursor ? decodeQueueCursor(input.cursor) : null;
    const filter = { state: input.state, q: input.q };
    const target = ctx.tenant.config.reviewTargetWorkingDays;
    const now = ctx.clock.now();
    const { page, total } = await inTenant(ctx, async (tx) => {
      const search = await resolveQueueSearch(tx, ctx.tenant.id, filter.q);
      return {
        page: await selectQueuePage(tx, { tenantId: ctx.tenant.id, filter, search, after, limit: input.pageSize + 1 }),
        total: await countQueue(tx, ctx.tenant.id, filter, search),
      };
    });
    const hasMore = page.rows.length > input.pageSize;
    const rows = page.rows.slice(0, input.pageSize);
    const last = rows[rows.length - 1];
    return {
      rows: rows.map(({ waitingKey: _, ...row }) => withWaiting(row, now, target)),
      total,
      nextCursor: hasMore && last ? encodeQueueCursor({ waitingSince: last.waitingKey, id: last.id }) : null,
      reviewTargetWorkingDays: target,
    };
  });
