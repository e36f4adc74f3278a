import { router } from '../../init';
import { lookup } from './lookup-postal-code';

export const postalRouter = router({ lookup });
