import { useTranslation } from 'react-i18next';
import type { TChanges, TReview } from './review-types';
import { showValue } from './show-value';

type TFieldChange = TChanges['organisation'][number];

/**
 * 差し戻し後の変更点 (issue 6 item 3): after a resubmission, exactly what changed since the
 * secretariat returned the application — corporation fields, establishments and workers added,
 * removed or changed field by field, documents added, removed or replaced.
 */
export function ChangesPanel({ changes, review }: { changes: TChanges; review: TReview }) {
  const { t, i18n } = useTranslation();
  const establishmentName = (id: string) => review.establishments.find((establishment) => establishment.id === id)?.name ?? id;
  const isEnglish = i18n.language === 'en';
  const customField = (field: string) =>
    [...review.customFields.establishment, ...review.customFields.worker].find((custom) => `extra.${custom.key}` === field);
  const fieldLabel = (field: string) => {
    const custom = customField(field);
    if (custom) return isEnglish ? custom.labelEn : custom.labelJa;
    return field.startsWith('extra.') ? field.slice('extra.'.length) : t(`reviewPage.fields.${field}`, { defaultValue: field });
  };
  const value = (field: string, raw: unknown) => {
    if (field === 'establishmentIds' && Array.isArray(raw))
      return showValue(
        raw.map((id) => establishmentName(String(id))),
        t,
      );
    const option = customField(field)?.options?.find((choice) => choice.value === raw);
    return option ? (isEnglish ? option.labelEn : option.labelJa) : showValue(raw, t);
  };
  const documentName = (key: string, customName: string | null) => {
    const named = [...review.otherDocuments, ...review.workers.flatMap((worker) => worker.documents)].find(
      (doc) => doc.documentKey === key && doc.customName === customName,
    );
    return customName ?? (named ? (isEnglish ? named.nameEn : named.nameJa) : key);
  };
  const workerName = (id: string | null) => review.workers.find((worker) => worker.id === id)?.nameLatin ?? '';

  const fieldTable = (caption: string, fields: TFieldChange[]) => (
    <div className="k-table-wrap">
      <table className="k-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviewPage.fields.name')}</th>
            <th scope="col">{t('reviewPage.changeBefore')}</th>
            <th scope="col">{t('reviewPage.changeAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((change) => (
            <tr key={change.field}>
              <th scope="row">{fieldLabel(change.field)}</th>
              <td>
                <del>{value(change.field, change.before)}</del>
              </td>
              <td>
                <ins>{value(change.field, change.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="k-card" aria-labelledby="changes-heading">
      <h2 id="changes-heading" className="k-card__title">
        {t('reviewPage.changesHeading')}
      </h2>
      <p className="k-hint">{t('reviewPage.changesLead')}</p>
      {changes.isEmpty ? <p>{t('reviewPage.noChanges')}</p> : null}
      {changes.organisation.length > 0 ? fieldTable(t('reviewPage.changeOrganisation'), changes.organisation) : null}
      {changes.establishments.map((change) =>
        change.kind === 'changed' ? (
          <div key={change.id}>{fieldTable(`${t('reviewPage.changeChanged')}: ${change.after.name}`, change.fields)}</div>
        ) : (
          <p key={change.id}>
            {`${change.kind === 'added' ? t('reviewPage.changeAdded') : t('reviewPage.changeRemoved')}: ${t('reviewPage.establishmentsHeading')} — ${change.kind === 'added' ? change.after.name : change.before.name}`}
          </p>
        ),
      )}
      {changes.workers.map((change) =>
        change.kind === 'changed' ? (
          <div key={change.id}>{fieldTable(`${t('reviewPage.changeChanged')}: ${change.after.nameLatin}`, change.fields)}</div>
        ) : (
          <p key={change.id}>
            {`${change.kind === 'added' ? t('reviewPage.changeAdded') : t('reviewPage.changeRemoved')}: ${change.kind === 'added' ? change.after.nameLatin : change.before.nameLatin}`}
          </p>
        ),
      )}
      {changes.documents.length > 0 ? (
        <ul>
          {changes.documents.map((change) => {
            const doc = change.kind === 'removed' ? change.before : change.after;
            const label = change.kind === 'added' ? 'changeAdded' : change.kind === 'removed' ? 'changeRemoved' : 'changeReplaced';
            const owner = workerName(doc.workerId);
            return (
              <li key={`${change.kind}-${doc.id}`}>
                {`${t(`reviewPage.${label}`)}: ${documentName(doc.documentKey, doc.customName)}${owner ? `（${owner}）` : ''} — ${
                  change.kind === 'replaced' ? `${change.before.fileName} → ${change.after.fileName}` : doc.fileName
                }`}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
