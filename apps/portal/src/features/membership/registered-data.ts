import type { TCustomField } from '@kyogikai/domain';
import { apiErrorKey } from '@kyogikai/ui';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { type PortalOutputs, trpc } from '../../lib/trpc';
import { customFieldLabel } from '../custom-fields/custom-field-inputs';
import { step1FieldLabelKey } from '../organisation/step1-fields';

/** ◆受入れ事業所情報 and the workers after joining, registered values plus what waits (SPEC D2-D4). */
export type TRegisteredData = PortalOutputs['changeRequest']['registeredData'];
export type TRegisteredWorker = TRegisteredData['workers'][number];
export type TRegisteredEstablishment = TRegisteredData['establishments'][number];
type TPending = NonNullable<TRegisteredWorker['pending']>;

export function useRegisteredData() {
  return trpc.changeRequest.registeredData.useQuery(undefined, { refetchOnMount: 'always', staleTime: 0, retry: false });
}

/**
 * The draft version the next save sends: the page's answer, then each save's own answer (a save
 * answers the draft's new version before the page has re-read it). A save with another version
 * than the server's is refused (CONFLICT changeRequest.draftChanged): another tab saved first.
 * `remember` takes a save's answer; a save that emptied and deleted the draft means "no draft".
 */
export function useDraftVersion(loaded: number | null | undefined) {
  const [version, setVersion] = useState<number | null>(loaded ?? null);
  useEffect(() => {
    if (loaded !== undefined) setVersion(loaded);
  }, [loaded]);
  const remember = useCallback((saved: { version: number; draftDeleted?: boolean }) => {
    setVersion(saved.draftDeleted ? null : saved.version);
  }, []);
  return [version, remember] as const;
}

/** Every view of the draft and the registered data re-reads after a save (マイページ's draft block included). */
export function useRefreshChanges() {
  const utils = trpc.useUtils();
  return useCallback(
    () =>
      Promise.all([
        utils.changeRequest.registeredData.invalidate(),
        utils.changeRequest.overview.invalidate(),
        utils.worker.list.invalidate(),
        utils.establishment.list.invalidate(),
      ]),
    [utils],
  );
}

/** The save was refused because the draft changed elsewhere: the page must be re-read (SPEC D6, ADR 023). */
export function isDraftChanged(error: unknown): boolean {
  return apiErrorKey(error) === 'changeRequest.draftChanged';
}

export type TItemState = 'registered' | 'addingDraft' | 'adding' | 'changeDraft' | 'changePending';

/** Where a worker or establishment stands: registered, being added, or with a change waiting (draft or submitted). */
export function itemState(item: { status: 'registered' | 'adding'; pending: TPending | null }): TItemState {
  const isDraft = item.pending?.state === 'draft';
  if (item.status === 'adding') return isDraft ? 'addingDraft' : 'adding';
  if (!item.pending) return 'registered';
  return isDraft ? 'changeDraft' : 'changePending';
}

/** May the member still change this item (nothing of it is waiting for the secretariat)? */
export function isItemEditable(item: { pending: TPending | null }): boolean {
  return item.pending === null || item.pending.state === 'draft';
}

const WORKER_LABELS: Record<string, string> = {
  nameLatin: 'labels.workerNameLatin',
  nationality: 'labels.nationality',
  nameKana: 'labels.workerNameKana',
  establishmentIds: 'establishments.first',
  name: 'labels.establishmentName',
};

/** A changed field as the member reads it (worker, establishment or council field). */
export function changeFieldLabel(field: string, t: TFunction, language: string, customFields: readonly TCustomField[]): string {
  if (field.startsWith('extra.')) {
    const key = field.slice('extra.'.length);
    const custom = customFields.find((candidate) => candidate.key === key);
    return custom ? customFieldLabel(custom, language) : key;
  }
  return t(WORKER_LABELS[field] ?? step1FieldLabelKey(field));
}

/** 「事業所名（東京都中央区銀座1-2-3）」 of an establishment in the registered data, or the id's own when unknown. */
export function establishmentsById(data: TRegisteredData): Map<string, TRegisteredEstablishment> {
  return new Map(data.establishments.map((establishment) => [establishment.id, establishment]));
}
