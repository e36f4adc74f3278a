import { router } from '../../init';
import { getOrganisation } from './get-organisation';
import { listMyOrganisations } from './list-my-organisations';
import { saveDraft } from './save-organisation-draft';
import { switchOrganisation } from './switch-organisation';

export const organisationRouter = router({ get: getOrganisation, listMine: listMyOrganisations, switch: switchOrganisation, saveDraft });
