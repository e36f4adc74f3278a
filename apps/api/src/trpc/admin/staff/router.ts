import { router } from '../../init';
import { createStaff } from './create-staff';
import { getStaff } from './get-staff';
import { listStaff } from './list-staff';

export const staffRouter = router({ get: getStaff, find: listStaff, create: createStaff });
