import { SelectField } from '@kyogikai/ui';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEstablishment } from './establishment-dialog';

/** 「事業所名（東京都中央区銀座1-2-3）」: the name, and where it is, so two branches are told apart. */
export function establishmentLabel(establishment: Pick<TEstablishment, 'name' | 'prefecture' | 'city' | 'town'>): string {
  return `${establishment.name}（${establishment.prefecture}${establishment.city}${establishment.town}）`;
}

export interface EstablishmentPickerProps {
  establishments: readonly TEstablishment[];
  /** One dropdown per row; '' is a row with nothing chosen yet. */
  rows: readonly string[];
  onRowsChange: (rows: string[]) => void;
  /** The error of `establishmentIds`, shown at the first dropdown (or the add button when there is none). */
  error: string | undefined;
  isEditable: boolean;
  onAdd: () => void;
  onEdit: (establishment: TEstablishment) => void;
  /**
   * Why the chosen establishment may not be corrected now (after joining: its own change waits for
   * the secretariat, SPEC D3), or null. The edit button is then left out and the dropdown's hint
   * says why.
   */
  editUnavailableReason?: (establishment: TEstablishment) => string | null;
  addButtonRef?: Ref<HTMLButtonElement>;
  /**
   * The buttons' words when not STEP2's: after joining the manual says 「事業所の新規追加」 and
   * 「選択している事業所を修正」 (SPEC D3). `editLabelFor` names the establishment for screen readers.
   */
  addLabel?: string;
  editLabel?: string;
  editLabelFor?: (name: string) => string;
  /** The hint under the dropdowns (it names the add button). */
  hint?: string;
}

/**
 * ◆受入れ事業所情報 (SPEC B4a, manual p.6): the first time there is nothing to choose, so the user
 * adds one with 「受入れ事業所の追加」; added establishments appear in the dropdown. A worker
 * registered at several establishments gets one dropdown per establishment.
 */
export function EstablishmentPicker({
  establishments,
  rows,
  onRowsChange,
  error,
  isEditable,
  onAdd,
  onEdit,
  editUnavailableReason,
  addButtonRef,
  addLabel,
  editLabel,
  editLabelFor,
  hint,
}: EstablishmentPickerProps) {
  const { t } = useTranslation();
  const byId = new Map(establishments.map((establishment) => [establishment.id, establishment]));

  if (!isEditable) {
    const chosen = rows.map((id) => byId.get(id)).filter((establishment) => establishment !== undefined);
    return chosen.length > 0 ? (
      <ul className="k-plain-list">
        {chosen.map((establishment) => (
          <li key={establishment.id}>{establishmentLabel(establishment)}</li>
        ))}
      </ul>
    ) : (
      <p>{t('establishments.noneChosen')}</p>
    );
  }

  const canChooseAnother = establishments.length > rows.filter(Boolean).length && rows.every(Boolean);
  return (
    <>
      {establishments.length === 0 ? (
        <div className="k-notice" id="establishments-none">
          <p>{t('establishments.noneYet')}</p>
        </div>
      ) : (
        rows.map((id, index) => {
          const chosenElsewhere = new Set(rows.filter((other, otherIndex) => other && otherIndex !== index));
          const establishment = byId.get(id);
          const cannotEdit = establishment ? (editUnavailableReason?.(establishment) ?? null) : null;
          const canEdit = establishment !== undefined && cannotEdit === null;
          return (
            <SelectField
              // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position (1カ所目, 2カ所目 …).
              key={index}
              id={`establishment-${index}`}
              label={index === 0 ? t('establishments.first') : t('establishments.nth', { n: index + 1 })}
              value={id}
              onValueChange={(value) => onRowsChange(rows.map((row, rowIndex) => (rowIndex === index ? value : row)))}
              placeholder={t('form.choose')}
              options={establishments
                .filter((option) => !chosenElsewhere.has(option.id))
                .map((option) => ({ value: option.id, label: establishmentLabel(option) }))}
              error={index === 0 ? error : undefined}
              isRequired={index === 0}
              hint={cannotEdit ?? undefined}
              afterInput={
                canEdit || rows.length > 1 ? (
                  <div className="k-inline-actions">
                    {establishment && canEdit ? (
                      <button
                        type="button"
                        className="k-button k-button--secondary k-button--small"
                        aria-label={
                          editLabelFor ? editLabelFor(establishment.name) : t('establishments.editFor', { name: establishment.name })
                        }
                        onClick={() => onEdit(establishment)}
                      >
                        {editLabel ?? t('establishments.edit')}
                      </button>
                    ) : null}
                    {rows.length > 1 ? (
                      <button
                        type="button"
                        className="k-button k-button--secondary k-button--small"
                        aria-label={t('establishments.removeRowFor', {
                          which: index === 0 ? t('establishments.first') : t('establishments.nth', { n: index + 1 }),
                        })}
                        onClick={() => onRowsChange(rows.filter((_, rowIndex) => rowIndex !== index))}
                      >
                        {t('establishments.removeRow')}
                      </button>
                    ) : null}
                  </div>
                ) : null
              }
            />
          );
        })
      )}
      {establishments.length === 0 && error ? (
        <p className="k-field-error" id="establishments-error">
          {error}
        </p>
      ) : null}
      <p className="k-hint">{hint ?? t('establishments.severalHint')}</p>
      <div className="k-button-row k-button-row--tight">
        <button
          ref={addButtonRef}
          id="add-establishment"
          type="button"
          className="k-button k-button--secondary"
          onClick={onAdd}
          aria-describedby={establishments.length === 0 ? 'establishments-none' : undefined}
        >
          {addLabel ?? t('step2.addEstablishment')}
        </button>
        {canChooseAnother ? (
          <button type="button" className="k-button k-button--secondary" onClick={() => onRowsChange([...rows, ''])}>
            {t('establishments.chooseAnother')}
          </button>
        ) : null}
      </div>
    </>
  );
}
