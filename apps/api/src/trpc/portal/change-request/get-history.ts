import { loadChangeHistory } from '../../../change-requests/change-overview';
import { memberProcedure } from '../../procedures';
import { ZChangeHistoryOutput } from './change-request.schema';

/** 変更履歴 on マイページ: every applied change, newest first (SPEC D). */
export const getHistory = memberProcedure('view')
  .output(ZChangeHistoryOutput)
  .query(({ ctx }) => ctx.inOrganisation((tx) => loadChangeHistory(tx, ctx.organisation.id)));
