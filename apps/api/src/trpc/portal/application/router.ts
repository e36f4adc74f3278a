import { router } from '../../init';
import { checklist } from './get-checklist';
import { review } from './get-review';
import { submit } from './submit-application';

export const applicationRouter = router({ checklist, review, submit });
