import { loadChecklist } from '../../../application/checklist';
import { memberProcedure } from '../../procedures';
import { ZChecklistOutput } from './application.schema';

/** What マイページ lists as still missing before 「上記内容で申請を行う」 (SPEC B5). */
export const checklist = memberProcedure('view')
  .output(ZChecklistOutput)
  .query(async ({ ctx }) => {
    const { isComplete, items } = await ctx.inOrganisation((tx) => loadChecklist(tx, ctx.tenant.config, ctx.organisation.id));
    return { isComplete, items };
  });
