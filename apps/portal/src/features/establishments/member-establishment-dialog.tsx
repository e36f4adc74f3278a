import type { TCustomField, TEstablishmentValuesInput } from '@kyogikai/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import type { TRegisteredEstablishment } from '../membership/registered-data';
import { EstablishmentDialog, type TEstablishment } from './establishment-dialog';

/** 「事業所の新規追加」/「受入れ事業所の追加」 (D4), or 「選択している事業所を修正」 → 「受入れ事業所の変更」 (D3). */
export type TMemberEstablishmentDialog = { kind: 'add' } | { kind: 'edit'; establishment: TRegisteredEstablishment };

export interface TEstablishmentSaved {
  kind: 'add' | 'edit';
  /** The establishment's id, or for one being added its change item's id (what a worker's dropdown holds). */
  establishmentId: string;
  /** The draft's new version (and whether the save emptied and deleted it). */
  version: number;
  draftDeleted: boolean;
  /** How many registered workers the edit reaches (an edit of a registered establishment). */
  workerCount: number | null;
}

const TEXT_FIELDS = ['name', 'postalCode', 'prefecture', 'city', 'town', 'building', 'phone'] as const;

/**
 * A registered establishment with the draft's edit applied: the form continues from what was saved.
 * The changes are as shown to people (a council select field by its option's label): read back to
 * the stored value.
 */
function withDraftValues(establishment: TRegisteredEstablishment, customFields: readonly TCustomField[]): TEstablishment {
  const values: TEstablishment = { ...establishment, extra: { ...establishment.extra } };
  if (establishment.status === 'registered' && establishment.pending?.state === 'draft') {
    for (const change of establishment.pending.changes) {
      if (change.field.startsWith('extra.')) {
        const key = change.field.slice('extra.'.length);
        const definition = customFields.find((candidate) => candidate.key === key);
        const option = definition?.options?.find((candidate) => candidate.labelJa === change.after || candidate.value === change.after);
        values.extra[key] = option ? option.value : change.after;
        continue;
      }
      const field = TEXT_FIELDS.find((name) => name === change.field);
      if (field === 'name' || field === 'prefecture' || field === 'city' || field === 'town') values[field] = change.after;
      else if (field) values[field] = change.after || null;
    }
  }
  return values;
}

export interface MemberEstablishmentDialogProps {
  dialog: TMemberEstablishmentDialog | null;
  draftVersion: number | null;
  customFields: readonly TCustomField[];
  onClose: () => void;
  onSaved: (saved: TEstablishmentSaved) => void;
}

/**
 * The establishment form after joining (SPEC D3, D4; manual p.12-14): the STEP2 dialog, saving into
 * the change draft. An edit says how many registered workers it reaches — every worker registered
 * at the establishment shows the new name and address once approved (one row, ADR 025).
 */
export function MemberEstablishmentDialog({ dialog, draftVersion, customFields, onClose, onSaved }: MemberEstablishmentDialogProps) {
  const { t } = useTranslation();
  const saveAdd = trpc.changeRequest.saveEstablishmentAdd.useMutation();
  const saveEdit = trpc.changeRequest.saveEstablishmentEdit.useMutation();
  const editing = useMemo(
    () => (dialog?.kind === 'edit' ? withDraftValues(dialog.establishment, customFields) : null),
    [dialog, customFields],
  );
  const target = dialog?.kind === 'edit' ? dialog.establishment : null;

  async function save(values: TEstablishmentValuesInput): Promise<string> {
    if (target && target.status === 'registered') {
      const result = await saveEdit.mutateAsync({ draftVersion, establishmentId: target.id, values });
      onSaved({
        kind: 'edit',
        establishmentId: target.id,
        version: result.version,
        draftDeleted: result.draftDeleted,
        workerCount: result.workerCount,
      });
      return target.id;
    }
    const result = await saveAdd.mutateAsync({ draftVersion, itemId: target?.id ?? null, values });
    const id = result.itemId ?? target?.id ?? '';
    onSaved({
      kind: target ? 'edit' : 'add',
      establishmentId: id,
      version: result.version,
      draftDeleted: result.draftDeleted,
      workerCount: null,
    });
    return id;
  }

  const isEdit = dialog?.kind === 'edit';
  return (
    <EstablishmentDialog
      isOpen={dialog !== null}
      editing={editing}
      customFields={customFields}
      onClose={onClose}
      // onSaved is told from save(), which knows the draft's new version.
      onSaved={() => undefined}
      save={save}
      title={isEdit ? t('memberChanges.editTitle') : t('step2.addEstablishment')}
      submitLabel={isEdit ? t('memberChanges.editSubmit') : t('establishments.add')}
      note={
        target && target.status === 'registered' ? (
          <div className="k-notice">
            <p>
              <strong>
                {target.workerCount > 0 ? t('memberChanges.reach', { count: target.workerCount }) : t('memberChanges.reachNone')}
              </strong>
            </p>
          </div>
        ) : null
      }
    />
  );
}
