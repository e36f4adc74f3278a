import { useTranslation } from 'react-i18next';
import { StateText } from '../../lib/state-text';
import { nationalityName } from './nationality';

/**
 * The first cells of a worker's row — the name in Latin letters (with the kana under it) as the
 * row's header, then the nationality in the language shown. STEP2's list (SPEC B4) and the list
 * after joining (SPEC D2-D4) name a worker the same way, so the cells are written once.
 */
export function WorkerNameCells({ worker }: { worker: { nameLatin: string; nameKana?: string | null; nationality: string } }) {
  const { i18n } = useTranslation();
  return (
    <>
      <th scope="row" lang="en">
        {worker.nameLatin}
        {worker.nameKana ? (
          <span className="k-table__sub" lang="ja">
            {worker.nameKana}
          </span>
        ) : null}
      </th>
      <td>{nationalityName(worker.nationality, i18n.language)}</td>
    </>
  );
}

/** Whether a worker's required documents are all uploaded, in words (never colour alone); `missing` says what is not. */
export function WorkerDocumentsCell({ isComplete, missing }: { isComplete: boolean; missing: string }) {
  const { t } = useTranslation();
  return (
    <td>
      {isComplete ? <StateText tone="done">{t('workers.documentsComplete')}</StateText> : <StateText tone="attention">{missing}</StateText>}
    </td>
  );
}
