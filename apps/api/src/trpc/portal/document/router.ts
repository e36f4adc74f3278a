import { router } from '../../init';
import { remove } from './delete-document';
import { slots } from './document-slots';
import { organisationSlots } from './organisation-document-slots';

export const documentRouter = router({ slots, organisationSlots, delete: remove });
