import type { ValidSession } from '../../../auth/sessions';
import type { DraftSaveContext } from '../../../change-requests/open-draft';
import type { ApiContext } from '../../context';
import type { ActingOrganisation } from '../../procedures';
import { memberAction } from '../member-action';

/** Who saves into the organisation's draft (SPEC D1-D6), from the member procedure's context. */
export function draftSaveContext(
  ctx: ApiContext & { session: ValidSession; organisation: ActingOrganisation },
  draftVersion: number | null,
): DraftSaveContext {
  return { ...memberAction(ctx), draftVersion };
}
