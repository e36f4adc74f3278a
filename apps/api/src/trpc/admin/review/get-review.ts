import type { TStaffRole } from '@kyogikai/domain';
import { loadStaffReview } from '../../../application/staff-review';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { REVIEWER_ROLES } from './reviewer-roles';
import { ZReviewOutput, ZReviewTarget } from './review.schema';

/** The application page of the console (issue 6 item 2): everything of one application for a reviewer. */
export const getReview = staffProcedure(REVIEWER_ROLES)
  .input(ZReviewTarget)
  .output(ZReviewOutput)
  .query(({ ctx, input }) =>
    inTenant(ctx, (tx) => loadStaffReview(tx, ctx.tenant, input.applicationId, ctx.session.user.role as TStaffRole)),
  );
