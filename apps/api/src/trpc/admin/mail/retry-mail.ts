import { recordAudit, retryOutboxMessage } from '@kyogikai/db';
import { AppError } from '../../app-error';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZRetryMailInput, ZRetryMailOutput } from './mail.schema';

/**
 * Sends a failed mail (or runs a failed certificate job) again: the row goes back to pending under
 * a new message id and the relay picks it up (retryOutboxMessage). Only rows of the staff member's
 * own tenant are visible to the update; anything not failed (already retried by a colleague, sent
 * meanwhile, or unknown) is a conflict. Audited.
 */
export const retryMail = staffProcedure(['secretariat', 'tenant_admin'])
  .input(ZRetryMailInput)
  .output(ZRetryMailOutput)
  .mutation(({ ctx, input }) =>
    inTenant(ctx, async (tx) => {
      if (!(await retryOutboxMessage(tx, input.id))) throw new AppError('CONFLICT', 'common.conflict');
      await recordAudit(tx, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.session.user.id,
        action: 'outbox.retried',
        targetType: 'outbox_message',
        targetId: input.id,
        ip: ctx.clientAddress,
      });
      return { ok: true as const };
    }),
  );
