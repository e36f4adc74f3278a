import type { TCustomField } from '@kyogikai/domain';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDraftSavedMessage } from '../membership/draft-save-feedback';
import { isItemEditable, type TRegisteredEstablishment, useRefreshChanges } from '../membership/registered-data';
import { EstablishmentPicker } from './establishment-picker';
import { MemberEstablishmentDialog, type TEstablishmentSaved, type TMemberEstablishmentDialog } from './member-establishment-dialog';

/** M-D1 after 「受入れ事業所の変更」: how many registered workers the edit reaches, when it reaches any. */
export function establishmentEditSavedMessage(saved: TEstablishmentSaved, t: TFunction): TDraftSavedMessage {
  return saved.workerCount === null ? {} : { detail: t('memberChanges.editSaved', { count: saved.workerCount }) };
}

/**
 * Why the member may not correct an establishment now, as a message key, or null: its own addition
 * or change already waits for the secretariat, and the API refuses that save (SPEC D3, D4).
 */
export function establishmentEditUnavailableKey(establishment: Pick<TRegisteredEstablishment, 'status' | 'pending'>): string | null {
  if (isItemEditable(establishment)) return null;
  return establishment.status === 'adding' ? 'memberChanges.establishmentAdditionWaiting' : 'memberChanges.establishmentChangeWaiting';
}

interface UseMemberEstablishmentLinksOptions {
  /** The dropdowns to start with ('' is a dropdown with nothing chosen yet). */
  initialRows: () => string[];
  /** Takes a save's new draft version (useDraftVersion's `remember`). */
  rememberDraft: (saved: TEstablishmentSaved) => void;
  /** 「受入れ事業所の変更」 was saved: the page shows M-D1 with this message. */
  onEditSaved: (message: TDraftSavedMessage) => void;
}

/**
 * A worker's establishments after joining (SPEC D2, D3, D4; manual p.11-13) — on the worker screen
 * and the worker addition screen alike: the dropdowns, 「事業所の新規追加」 (the new establishment goes
 * into the draft and into the first empty dropdown) and 「選択している事業所を修正」 → 「受入れ事業所の
 * 変更」 (saved into the draft for every worker there). The dropdowns sit inside the page's form and
 * the dialog, a form of its own, must stay outside it; so the hook holds the state and the page
 * places `MemberEstablishmentPicker` and `MemberEstablishmentLinksDialog` where each belongs.
 */
export function useMemberEstablishmentLinks({ initialRows, rememberDraft, onEditSaved }: UseMemberEstablishmentLinksOptions) {
  const { t } = useTranslation();
  const refresh = useRefreshChanges();
  const [rows, setRows] = useState<string[]>(initialRows);
  const [dialog, setDialog] = useState<TMemberEstablishmentDialog | null>(null);
  /** Said to screen readers after 「事業所の新規追加」 (the new one is chosen in a dropdown). */
  const [notice, setNotice] = useState('');

  function onSaved(saved: TEstablishmentSaved) {
    rememberDraft(saved);
    setDialog(null);
    void refresh();
    if (saved.kind === 'add') {
      setRows((current) => {
        if (current.includes(saved.establishmentId)) return current;
        const empty = current.indexOf('');
        return empty >= 0
          ? current.map((row, index) => (index === empty ? saved.establishmentId : row))
          : [...current, saved.establishmentId];
      });
      setNotice(t('memberChanges.addSaved'));
    } else {
      onEditSaved(establishmentEditSavedMessage(saved, t));
    }
  }

  return { rows, setRows, chosenIds: rows.filter(Boolean), dialog, setDialog, notice, onSaved };
}

export type TMemberEstablishmentLinks = ReturnType<typeof useMemberEstablishmentLinks>;

export interface MemberEstablishmentPickerProps {
  links: TMemberEstablishmentLinks;
  establishments: readonly TRegisteredEstablishment[];
  /** The error of `establishmentIds`. */
  error: string | undefined;
  isEditable: boolean;
}

/**
 * The dropdowns with the manual's words after joining (「事業所の新規追加」, 「選択している事業所を修正」).
 * An establishment whose own change already waits for the secretariat is not offered for correction
 * (the API refuses that save); its dropdown says why instead.
 */
export function MemberEstablishmentPicker({ links, establishments, error, isEditable }: MemberEstablishmentPickerProps) {
  const { t } = useTranslation();
  const byId = new Map(establishments.map((establishment) => [establishment.id, establishment]));
  return (
    <>
      <EstablishmentPicker
        establishments={establishments}
        rows={links.rows}
        onRowsChange={links.setRows}
        error={error}
        isEditable={isEditable}
        onAdd={() => links.setDialog({ kind: 'add' })}
        onEdit={(chosen) => {
          const establishment = byId.get(chosen.id);
          if (establishment) links.setDialog({ kind: 'edit', establishment });
        }}
        editUnavailableReason={(chosen) => {
          const establishment = byId.get(chosen.id);
          const key = establishment ? establishmentEditUnavailableKey(establishment) : null;
          return key ? t(key) : null;
        }}
        addLabel={t('memberChanges.addEstablishment')}
        editLabel={t('memberChanges.editSelected')}
        editLabelFor={(name) => t('memberChanges.editSelectedFor', { name })}
        hint={t('memberChanges.severalHint')}
      />
      <p className="k-visually-hidden" role="status">
        {links.notice}
      </p>
    </>
  );
}

export interface MemberEstablishmentLinksDialogProps {
  links: TMemberEstablishmentLinks;
  draftVersion: number | null;
  customFields: readonly TCustomField[];
}

/** 「事業所の新規追加」 / 「受入れ事業所の変更」 opened from `MemberEstablishmentPicker`. */
export function MemberEstablishmentLinksDialog({ links, draftVersion, customFields }: MemberEstablishmentLinksDialogProps) {
  return (
    <MemberEstablishmentDialog
      dialog={links.dialog}
      draftVersion={draftVersion}
      customFields={customFields}
      onClose={() => links.setDialog(null)}
      onSaved={links.onSaved}
    />
  );
}
