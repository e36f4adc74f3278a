import { router } from '../../init';
import { addNote } from './add-note';
import { approve, completeReview, reject, returnForCorrection, startReview } from './decide';
import { getReview } from './get-review';
import { setDocumentCheck } from './set-document-check';

/** One application for its reviewers (issue 6 items 2-3): the detail page and every decision on it. */
export const reviewRouter = router({
  get: getReview,
  startReview,
  returnForCorrection,
  completeReview,
  approve,
  reject,
  addNote,
  setDocumentCheck,
});
