import { router } from '../../init';
import { create } from './create-establishment';
import { list } from './list-establishments';
import { update } from './update-establishment';

export const establishmentRouter = router({ list, create, update });
