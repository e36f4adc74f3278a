import { router } from '../../init';
import { get } from './get-my-page';

export const mypageRouter = router({ get });
