import { router } from '../../init';
import { checklist } from './get-checklist';
import { review } from './get-review';
import { status } from './get-status';
import { submit } from './submit-application';

export const applicationRouter = router({ checklist, review, status, submit });
