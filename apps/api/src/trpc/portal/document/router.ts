import { router } from '../../init';
import { remove } from './delete-document';
import { slots } from './document-slots';

export const documentRouter = router({ slots, delete: remove });
