import { findAccountLink } from '../../../account/account-links';
import { inTenant } from '../../context';
import { publicProcedure } from '../../init';
import { ZCheckAccountLinkInput, ZCheckAccountLinkOutput } from './account.schema';

/** What a mailed link is now (the page decides what to show); never extends or uses it. */
export const checkLink = publicProcedure
  .input(ZCheckAccountLinkInput)
  .output(ZCheckAccountLinkOutput)
  .query(async ({ ctx, input }) => {
    const token = input.token.trim();
    if (token === '' || token.length > 200) return { status: 'invalid' as const };
    const link = await inTenant(ctx, (tx) => findAccountLink(tx, token, input.purpose, ctx.clock.now()));
    return { status: link.status };
  });
