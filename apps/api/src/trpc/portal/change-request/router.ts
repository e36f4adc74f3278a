import { router } from '../../init';
import { cancel } from './cancel';
import { getHistory } from './get-history';
import { getOverview } from './get-overview';
import { getRegisteredData } from './get-registered-data';
import { removeDraftItem } from './remove-draft-item';
import { saveDraft } from './save-draft';
import { saveEstablishmentAdd } from './save-establishment-add';
import { saveEstablishmentEdit } from './save-establishment-edit';
import { saveWorkerAdd } from './save-worker-add';
import { saveWorkerEstablishments } from './save-worker-establishments';
import { submit } from './submit';

export const changeRequestRouter = router({
  overview: getOverview,
  history: getHistory,
  registeredData: getRegisteredData,
  saveDraft,
  saveWorkerAdd,
  saveWorkerEstablishments,
  saveEstablishmentEdit,
  saveEstablishmentAdd,
  removeDraftItem,
  submit,
  cancel,
});
