import { apiErrorKey, formErrorsFromApiError, Notice, PageHeading, translateMessage } from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TItemState } from './registered-data';
import './member-info.css';

/** What a save into the draft says (SPEC D1 M-D1, exact), with what the save reached, and 「マイページへ戻る」. */
export function DraftSavedMessage({ detail }: { detail?: string }) {
  const { t } = useTranslation();
  return (
    <div className="k-notice k-notice--success" role="status">
      {detail ? <p>{detail}</p> : null}
      <p className="k-member-info-message">{t('memberInfo.savedMessage')}</p>
      <p>
        <Link className="k-button k-button--secondary" to="/">
          {t('memberInfo.backToMyPage')}
        </Link>
      </p>
    </div>
  );
}

/**
 * After CONFLICT changeRequest.draftChanged: the screen re-reads the draft and starts again from it
 * (what was typed here was not saved; the user chose to drop it, so no unsaved-changes prompt).
 */
export function ReloadButton({ onReload }: { onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  return (
    <p>
      <button
        type="button"
        className="k-button k-button--secondary"
        aria-disabled={isBusy || undefined}
        onClick={() => {
          if (isBusy) return;
          setIsBusy(true);
          void onReload().finally(() => setIsBusy(false));
        }}
      >
        {t('memberChanges.reload')}
      </button>
    </p>
  );
}

/** The registered data could not be read. */
export function RegisteredDataError({ title, error }: { title: string; error: unknown }) {
  const { t, i18n } = useTranslation();
  const key = apiErrorKey(error);
  const message =
    key === 'organisation.notSelected'
      ? t('myPage.noOrganisation')
      : key
        ? translateMessage(t, i18n, formErrorsFromApiError(error).summary ?? { key: 'common.internal' })
        : t('common.network');
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Notice>{message}</Notice>
      <p>
        <Link to="/">{t('memberInfo.backToMyPage')}</Link>
      </p>
    </>
  );
}

/** 登録済み / 追加（未申請） / 追加申請中 / 変更内容（未申請） / 変更申請中 — in words, never colour alone. */
export function ItemStateText({ state }: { state: TItemState }) {
  const { t } = useTranslation();
  if (state === 'registered') return <>{t('memberChanges.states.registered')}</>;
  return <span className="k-changed-marker">{t(`memberChanges.states.${state}`)}</span>;
}

/**
 * Before and after of one waiting item, field by field (SPEC D3: shown until approved, then only the
 * new values). The marker says whether it is still a draft (未申請) or submitted (申請中).
 */
export function PendingChangesTable({
  caption,
  pending,
  labelOf,
}: {
  caption: string;
  pending: { state: string; changes: ReadonlyArray<{ field: string; before: string; after: string }> };
  labelOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="k-table-scroll k-section-gap">
      <table className="k-change-table">
        <caption className="k-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('memberInfo.field')}</th>
            <th scope="col">{t('memberInfo.before')}</th>
            <th scope="col">{t('memberInfo.after')}</th>
          </tr>
        </thead>
        <tbody>
          {pending.changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{labelOf(change.field)}</th>
              <td>{change.before || t('memberInfo.empty')}</td>
              <td className="k-change-table__after">
                {change.after || t('memberInfo.empty')}{' '}
                <span className="k-changed-marker">
                  {pending.state === 'draft' ? t('memberInfo.draftMarker') : t('memberInfo.pendingMarker')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
