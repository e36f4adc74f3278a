import type { AdminOutputs } from '../../lib/trpc';

/** What review.get answers: one application for its reviewers. */
export type TReview = AdminOutputs['review']['get'];
export type TReviewDocument = TReview['otherDocuments'][number];
export type TChanges = NonNullable<TReview['changesSinceReturn']>;
