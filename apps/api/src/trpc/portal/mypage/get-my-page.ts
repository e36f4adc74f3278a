import { getMyPage } from '../../../mypage/get-my-page';
import { memberProcedure } from '../../procedures';
import { ZGetMyPageOutput } from './get-my-page.schema';

export const get = memberProcedure('view')
  .output(ZGetMyPageOutput)
  .query(({ ctx }) => ctx.inOrganisation((tx) => getMyPage(tx, ctx.organisation.id, ctx.tenant.config)));
