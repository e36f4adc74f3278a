import { useTranslation } from 'react-i18next';
import { MEMBER_INFO_FIELDS, memberInfoLabelKey, pendingByField, type TChangeOverview } from './member-info-fields';

type TChange = {
  field: string;
  before: string;
  after: string;
  /** Whose field (SPEC D2-D4): '' for ◆会員情報, else the worker's or establishment's name; with the API's labels. */
  entityType?: string;
  subject?: string;
  label?: string;
  labelEn?: string;
};

/**
 * A changed field's name as the member reads it: ◆会員情報 fields by the portal's own labels;
 * a worker's or establishment's field with whose it is, e.g. 「NGUYEN VAN AN：受入れ事業所」.
 */
export function changeLabel(change: TChange, translate: (field: string) => string, language: string): string {
  if (!change.entityType || change.entityType === 'organisation' || change.label === undefined) return translate(change.field);
  const label = language === 'en' ? (change.labelEn ?? change.label) : change.label;
  return change.subject ? `${change.subject}：${label}` : label;
}

/**
 * Before and after side by side (SPEC D1: until approval the screen shows both; afterwards only
 * the new). `showAll` lists every field with its registered value (the detail screen); otherwise
 * only the given changes.
 */
export function ChangeSideBySide({ overview, showAll = false }: { overview: TChangeOverview; showAll?: boolean }) {
  const { t } = useTranslation();
  const pending = pendingByField(overview);
  const hasPending = pending.size > 0;
  return (
    <table className="k-change-table">
      <caption className="k-visually-hidden">{t('memberInfo.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('memberInfo.field')}</th>
          <th scope="col">{hasPending ? t('memberInfo.before') : t('memberInfo.registered')}</th>
          {hasPending ? <th scope="col">{t('memberInfo.after')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {MEMBER_INFO_FIELDS.filter((field) => showAll || pending.has(field)).map((field) => {
          const change = pending.get(field);
          return (
            <tr key={field}>
              <th scope="row">{t(memberInfoLabelKey(field))}</th>
              <td>{overview.values[field] || t('memberInfo.empty')}</td>
              {hasPending ? (
                <td className={change ? 'k-change-table__after' : undefined}>
                  {change ? (
                    <>
                      {change.after || t('memberInfo.empty')}{' '}
                      <span className="k-changed-marker">
                        {change.isDraft ? t('memberInfo.draftMarker') : t('memberInfo.pendingMarker')}
                      </span>
                    </>
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 項目 / 変更前 / 変更後: the head of every table that lists changes before → after. */
export function ChangeTableHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('memberInfo.field')}</th>
        <th scope="col">{t('memberInfo.before')}</th>
        <th scope="col">{t('memberInfo.after')}</th>
      </tr>
    </thead>
  );
}

/** The changes of one request, before → after. */
export function ChangeList({ changes }: { changes: readonly TChange[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="k-change-table">
      <ChangeTableHead />
      <tbody>
        {changes.map((change, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two workers may change the same field; the list is replaced whole.
          <tr key={index}>
            <th scope="row">{changeLabel(change, (field) => t(memberInfoLabelKey(field)), i18n.language)}</th>
            <td>{change.before || t('memberInfo.empty')}</td>
            <td className="k-change-table__after">{change.after || t('memberInfo.empty')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The 変更内容 the submission form starts with: one line per field, which the member may rewrite. */
export function summariseChanges(changes: readonly TChange[], label: (change: TChange) => string, empty: string): string {
  return changes.map((change) => `${label(change)}：${change.before || empty} → ${change.after || empty}`).join('\n');
}
