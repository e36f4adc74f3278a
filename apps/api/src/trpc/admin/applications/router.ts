import { router } from '../../init';
import { applicationStats } from './application-stats';
import { countApplications } from './count-applications';
import { listApplications } from './list-applications';

export const applicationsRouter = router({ list: listApplications, counts: countApplications, stats: applicationStats });
