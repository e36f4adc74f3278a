import { loadApplicationReview } from '../../../application/review';
import { memberProcedure } from '../../procedures';
import { ZReviewOutput } from './application.schema';

/** The check-your-answers page: everything that will be submitted (SPEC B5). */
export const review = memberProcedure('view')
  .output(ZReviewOutput)
  .query(({ ctx }) => ctx.inOrganisation((tx) => loadApplicationReview(tx, ctx.organisation.id)));
