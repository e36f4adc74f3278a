import { apiErrorKey, formErrorsFromApiError, Notice, PageHeading, translateMessage } from '@kyogikai/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../session/require-signed-in';
import { ChangeTableHead } from './member-info-changes';
import type { TItemState } from './registered-data';
import './member-info.css';

/**
 * The screens after joining (SPEC D2-D4) while their data is read: the heading stays, so the page
 * is named from the start.
 */
export function MemberPageLoading({ title }: { title: string }) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Loading />
    </>
  );
}

/** A screen after joining that cannot show its item (not found, not readable): why, and 「マイページへ戻る」. */
export function MemberPageNotice({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Notice>{children}</Notice>
      <p>
        <Link to="/">{t('memberInfo.backToMyPage')}</Link>
      </p>
    </>
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
  return <MemberPageNotice title={title}>{message}</MemberPageNotice>;
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
        <ChangeTableHead />
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
