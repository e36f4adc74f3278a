import { router } from '../../init';
import { listDirectory } from './list-directory';

export const directoryRouter = router({ list: listDirectory });
