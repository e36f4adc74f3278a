import { CHANGE_REQUEST_STATES, ZEstablishmentValues, ZWorkerValues } from '@kyogikai/domain';
import { z } from 'zod';
import { ZEstablishmentFields } from '../establishment/establishment.schema';

// SPEC D2-D4 after joining (manual p.11-14): workers and establishments change through the
// organisation's one draft change request, like ◆会員情報 (ADR 023, ADR 025). Nothing registered
// changes until the secretariat approves. An establishment being added (D4) has no row yet: it is
// named by its change item's id wherever an establishment id is expected (a worker's
// establishmentIds, the dropdown), and the server resolves such ids to the row it creates on approval.

/** The draft's version as the page loaded it (null: the page showed no draft). */
const draftVersion = z.number().int().min(1).nullable();

/** What every save into the draft answers: the draft's id and new version, and the item saved. */
export const ZSavedDraftItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  /** The item that now holds the change; null when the save made it equal to the registered data (item removed). */
  itemId: z.uuid().nullable(),
  /** True when that removal left the draft empty and it was deleted (pass draftVersion null next; `version` is then 0). */
  draftDeleted: z.boolean(),
});

/** D2 「特定技能外国人の追加」 → 「申請登録情報を変更する」: a new worker (itemId null) or an edit of one being added. */
export const ZSaveWorkerAddInput = z.object({ draftVersion, itemId: z.uuid().nullable(), values: ZWorkerValues });

/** D3: the establishments a registered worker moves to (dropdown / 「事業所の新規追加」). */
export const ZSaveWorkerEstablishmentsInput = z.object({
  draftVersion,
  workerId: z.uuid(),
  establishmentIds: ZWorkerValues.shape.establishmentIds,
});

/** D3 「選択している事業所を修正」 → 「受入れ事業所の変更」 → 「上記内容に変更する」: a registered establishment's new values. */
export const ZSaveEstablishmentEditInput = z.object({ draftVersion, establishmentId: z.uuid(), values: ZEstablishmentValues });
export const ZSaveEstablishmentEditOutput = ZSavedDraftItem.extend({
  /** How many registered workers the edit reaches (the UI says so). */
  workerCount: z.number().int(),
});

/** D4 「受入れ事業所の追加」: a new establishment (itemId null) or an edit of one being added. */
export const ZSaveEstablishmentAddInput = z.object({ draftVersion, itemId: z.uuid().nullable(), values: ZEstablishmentValues });

/** Takes one worker/establishment item out of the draft (its pending documents go with it). */
export const ZRemoveDraftItemInput = z.object({ draftVersion: z.number().int().min(1), itemId: z.uuid() });
export const ZRemoveDraftItemOutput = z.object({
  id: z.uuid(),
  version: z.number().int(),
  /** True when the draft had no items left and was deleted (pass draftVersion null next; `version` is then 0). */
  draftDeleted: z.boolean(),
});

const ZFieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });

/** Where an item waits: in the draft, or submitted and waiting for the secretariat. */
const ZPendingItem = z.object({
  itemId: z.uuid(),
  changeRequestId: z.uuid(),
  state: z.enum(CHANGE_REQUEST_STATES),
  /** Field by field, before → after (for D3 links: field `establishmentIds`, names joined by 「、」). */
  changes: z.array(ZFieldChange),
});

/**
 * ◆受入れ事業所情報 and the workers of a member, as マイページ and the member's worker screen show
 * them: registered values, plus what waits (before/after until approval, SPEC D3).
 */
export const ZRegisteredDataOutput = z.object({
  canEdit: z.boolean(),
  /** The draft's version (null: no draft), to pass as draftVersion. */
  draftVersion: z.number().int().nullable(),
  establishments: z.array(
    z.object({
      /** The establishment's id, or for one being added (status 'adding') its change item's id. */
      id: z.uuid(),
      status: z.enum(['registered', 'adding']),
      ...ZEstablishmentFields.shape,
      version: z.number().int(),
      /** Registered workers linked to it now. */
      workerCount: z.number().int(),
      /** The waiting edit (D3) or the addition itself (D4). */
      pending: ZPendingItem.nullable(),
    }),
  ),
  workers: z.array(
    z.object({
      /** The worker's id, or for one being added (status 'adding') its change item's id. */
      id: z.uuid(),
      status: z.enum(['registered', 'adding']),
      nameLatin: z.string(),
      nationality: z.string(),
      nameKana: z.string().nullable(),
      extra: z.record(z.string(), z.string()),
      /** Registered links (for 'adding': the proposed ones). */
      establishmentIds: z.array(z.uuid()),
      /** Proposed links waiting (D3), null when none. */
      pendingEstablishmentIds: z.array(z.uuid()).nullable(),
      /** The waiting links change (D3) or the addition itself (D2). */
      pending: ZPendingItem.nullable(),
      /** Every required document present (for 'adding': among its pending documents). */
      documentsComplete: z.boolean(),
    }),
  ),
});
