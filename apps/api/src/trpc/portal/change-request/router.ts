import { router } from '../../init';
import { cancel } from './cancel';
import { getHistory } from './get-history';
import { getOverview } from './get-overview';
import { saveDraft } from './save-draft';
import { submit } from './submit';

export const changeRequestRouter = router({ overview: getOverview, history: getHistory, saveDraft, submit, cancel });
