import { formErrorsFromApiError, translateMessage } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EstablishmentNameList, establishmentNames } from '../establishments/establishment-names';
import { ItemStateText } from '../membership/member-changes-common';
import { establishmentsById, itemState, type TRegisteredData, useRegisteredData } from '../membership/registered-data';
import { Loading } from '../session/require-signed-in';
import { WorkerDocumentsCell, WorkerNameCells } from './worker-table-cells';
import '../membership/member-info.css';

/**
 * マイページ after joining (SPEC D2-D4, manual p.11-14): the registered workers and those being
 * added, each with its establishments — before and after while a change waits — and where it stands
 * (登録済み / 追加（未申請） / 追加申請中 / 変更内容（未申請） / 変更申請中). 「特定技能外国人の追加」 (yellow)
 * adds one; 「受入れ事業所情報の確認および変更」 opens ◆受入れ事業所情報.
 */
export function MemberWorkerList() {
  const { t, i18n } = useTranslation();
  const registered = useRegisteredData();
  const data = registered.data;
  return (
    <section className="k-card" aria-labelledby="member-workers-heading">
      <div className="k-member-info-head">
        <h2 id="member-workers-heading" className="k-card__title">
          {t('memberChanges.workersHeading')}
        </h2>
        {data?.canEdit ? (
          <Link className="k-button k-button--yellow" to="/members/workers/new">
            {t('memberChanges.addWorker')}
          </Link>
        ) : null}
      </div>
      <p>{t('memberChanges.workersLead')}</p>
      {registered.isPending ? <Loading /> : null}
      {registered.isError ? (
        <p role="alert">{translateMessage(t, i18n, formErrorsFromApiError(registered.error).summary ?? { key: 'common.internal' })}</p>
      ) : null}
      {data && data.workers.length === 0 ? <p>{t('memberChanges.noWorkers')}</p> : null}
      {data && data.workers.length > 0 ? <WorkerTable data={data} /> : null}
      <p className="k-section-gap">
        <Link to="/members/establishments">{t('memberChanges.establishmentsLink')}</Link>
      </p>
    </section>
  );
}

function WorkerTable({ data }: { data: TRegisteredData }) {
  const { t } = useTranslation();
  const byId = establishmentsById(data);
  const names = (ids: readonly string[]) => establishmentNames(ids, byId).join('、');
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="k-table-wrap" aria-labelledby="member-workers-heading" tabIndex={0}>
      <table className="k-table">
        <thead>
          <tr>
            <th scope="col">{t('memberChanges.columns.name')}</th>
            <th scope="col">{t('memberChanges.columns.nationality')}</th>
            <th scope="col">{t('memberChanges.columns.establishments')}</th>
            <th scope="col">{t('memberChanges.columns.documents')}</th>
            <th scope="col">{t('memberChanges.columns.state')}</th>
            <th scope="col">{t('memberChanges.columns.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {data.workers.map((worker) => {
            const state = itemState(worker);
            const path = worker.status === 'adding' ? `/members/workers/additions/${worker.id}` : `/members/workers/${worker.id}`;
            return (
              <tr key={worker.id}>
                <WorkerNameCells worker={worker} />
                <td>
                  {worker.pendingEstablishmentIds ? (
                    <ul className="k-plain-list">
                      <li>{t('memberChanges.beforeValue', { value: names(worker.establishmentIds) })}</li>
                      <li>
                        {t('memberChanges.afterValue', { value: names(worker.pendingEstablishmentIds) })}{' '}
                        <span className="k-changed-marker">
                          {worker.pending?.state === 'draft' ? t('memberInfo.draftMarker') : t('memberInfo.pendingMarker')}
                        </span>
                      </li>
                    </ul>
                  ) : (
                    <EstablishmentNameList ids={worker.establishmentIds} byId={byId} />
                  )}
                </td>
                <WorkerDocumentsCell isComplete={worker.documentsComplete} missing={t('memberChanges.documentsMissing')} />
                <td>
                  <ItemStateText state={state} />
                </td>
                <td>
                  <Link
                    className="k-button k-button--secondary k-button--small"
                    to={path}
                    aria-label={t('memberChanges.detailFor', { name: worker.nameLatin })}
                  >
                    {t('memberChanges.detail')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
