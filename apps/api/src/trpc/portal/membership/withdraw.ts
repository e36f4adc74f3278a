import { withdrawMembership } from '../../../membership/withdraw-membership';
import { memberProcedure } from '../../procedures';
import { memberAction } from '../member-action';
import { ZWithdrawInput, ZWithdrawOutput } from './membership.schema';

/** SPEC F1: 「本当に退会してもよろしいですか？」 → 「退会する」. Only a user holding `withdraw` (ADR 008, 012). */
export const withdraw = memberProcedure('withdraw')
  .input(ZWithdrawInput)
  .output(ZWithdrawOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await ctx.inOrganisation((tx) =>
      withdrawMembership(tx, {
        ...memberAction(ctx),
        tenantUrl: ctx.tenantUrl,
        notesAcknowledged: input.notesAcknowledged,
      }),
    );
    return { withdrawnAt: result.withdrawnAt, retentionUntil: result.retentionUntil };
  });
