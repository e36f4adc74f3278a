import { formErrorsFromApiError, ModalDialog, translateMessage } from '@kyogikai/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../session/require-signed-in';
import { type PortalOutputs, trpc } from '../../lib/trpc';
import { WorkerDocumentsCell, WorkerNameCells } from './worker-table-cells';
import { StateText } from '../../lib/state-text';

type TWorkerListItem = PortalOutputs['worker']['list']['items'][number];

/** Workers per page of the STEP2 list (an organisation may have 200 or more). */
export const WORKERS_PER_PAGE = 20;

export interface WorkerListProps {
  isEditable: boolean;
}

/**
 * STEP2 on マイページ (SPEC B4): the registered workers with their nationality, establishments and
 * whether every required document is there (said in words, not by colour), paged; 修正 and 削除
 * while the application may be edited.
 */
export function WorkerList({ isEditable }: WorkerListProps) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  /** Cursors of the pages visited, so 「前へ」 can go back (the API pages forward only). */
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const list = trpc.worker.list.useQuery(
    { limit: WORKERS_PER_PAGE, ...(cursor ? { cursor } : {}) },
    { refetchOnMount: 'always', placeholderData: (previous) => previous },
  );
  const deleteWorker = trpc.worker.delete.useMutation();
  const [pendingDelete, setPendingDelete] = useState<TWorkerListItem | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function confirmDelete() {
    if (!pendingDelete || isDeleting) return;
    const worker = pendingDelete;
    setIsDeleting(true);
    try {
      // The list carries no version: read it just before deleting (a worker changed meanwhile is refused).
      const current = await utils.worker.get.fetch({ id: worker.id }, { staleTime: 0 });
      await deleteWorker.mutateAsync({ id: worker.id, version: current.version });
      setMessage({ text: t('workers.deleted', { name: worker.nameLatin }), isError: false });
      // The page may now be empty: start again from the first.
      if (list.data?.items.length === 1 && cursors.length > 1) setCursors((previous) => previous.slice(0, -1));
      await Promise.all([utils.worker.list.invalidate(), utils.application.checklist.invalidate(), utils.mypage.get.invalidate()]);
    } catch (error) {
      const summary = formErrorsFromApiError(error).summary ?? { key: 'common.internal' };
      setMessage({ text: translateMessage(t, i18n, summary), isError: true });
    } finally {
      setIsDeleting(false);
      setPendingDelete(null);
    }
  }

  function goTo(next: Array<string | undefined>) {
    setCursors(next);
    headingRef.current?.focus();
  }

  const data = list.data;
  const firstNumber = (cursors.length - 1) * WORKERS_PER_PAGE + 1;
  return (
    <section className="k-card" aria-labelledby="workers-heading">
      <h2 id="workers-heading" className="k-card__title" ref={headingRef} tabIndex={-1}>
        {t('steps.step2')}
      </h2>
      <p>{isEditable ? t('workers.lead') : t('workers.leadLocked')}</p>
      {message ? (
        <div className={message.isError ? 'k-error-summary' : 'k-notice k-notice--success'} role={message.isError ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </div>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? (
        <p role="alert">{translateMessage(t, i18n, formErrorsFromApiError(list.error).summary ?? { key: 'common.internal' })}</p>
      ) : null}
      {data && data.total === 0 ? <p>{t('workers.none')}</p> : null}
      {data && data.total > 0 ? (
        <>
          <p aria-live="polite">
            {data.total > data.items.length || cursors.length > 1
              ? t('workers.count', { total: data.total, from: firstNumber, to: firstNumber + data.items.length - 1 })
              : t('workers.countAll', { total: data.total })}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="k-table-wrap" aria-labelledby="workers-heading" tabIndex={0}>
            <table className="k-table">
              <thead>
                <tr>
                  <th scope="col">{t('labels.workerNameLatin')}</th>
                  <th scope="col">{t('labels.nationality')}</th>
                  <th scope="col">{t('workers.establishmentsColumn')}</th>
                  <th scope="col">{t('workers.documentsColumn')}</th>
                  <th scope="col">{isEditable ? t('workers.actionsColumn') : t('workers.viewColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((worker) => (
                  <tr key={worker.id}>
                    <WorkerNameCells worker={worker} />
                    <td>
                      {worker.establishments.length > 0 ? (
                        <ul className="k-plain-list">
                          {worker.establishments.map((establishment) => (
                            <li key={establishment.id}>{establishment.name}</li>
                          ))}
                        </ul>
                      ) : (
                        <StateText tone="attention">{t('workers.noEstablishment')}</StateText>
                      )}
                    </td>
                    <WorkerDocumentsCell
                      isComplete={worker.documentsComplete}
                      missing={t('workers.documentsMissing', { count: worker.missingDocumentKeys.length })}
                    />
                    <td>
                      <div className="k-inline-actions">
                        <Link
                          className="k-button k-button--secondary k-button--small"
                          to={`/application/workers/${worker.id}`}
                          aria-label={
                            isEditable ? t('workers.editFor', { name: worker.nameLatin }) : t('workers.viewFor', { name: worker.nameLatin })
                          }
                        >
                          {isEditable ? t('workers.edit') : t('workers.view')}
                        </Link>
                        {isEditable ? (
                          <button
                            type="button"
                            className="k-button k-button--secondary k-button--small"
                            aria-label={t('workers.deleteFor', { name: worker.nameLatin })}
                            onClick={() => setPendingDelete(worker)}
                          >
                            {t('workers.delete')}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {cursors.length > 1 || data.nextCursor ? (
            <nav className="k-pager" aria-label={t('workers.pagerLabel')}>
              {cursors.length > 1 ? (
                <button type="button" className="k-button k-button--secondary k-button--small" onClick={() => goTo(cursors.slice(0, -1))}>
                  {t('workers.previous', { count: WORKERS_PER_PAGE })}
                </button>
              ) : null}
              {data.nextCursor ? (
                <button
                  type="button"
                  className="k-button k-button--secondary k-button--small"
                  onClick={() => goTo([...cursors, data.nextCursor ?? undefined])}
                >
                  {t('workers.next', { count: WORKERS_PER_PAGE })}
                </button>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
      {isEditable ? (
        <p className="k-section-gap">
          <Link className="k-button" to="/application/workers/new">
            {t('workers.register')}
          </Link>
        </p>
      ) : null}

      <ModalDialog
        id="delete-worker"
        role="alertdialog"
        isOpen={pendingDelete !== null}
        title={t('workers.deleteTitle')}
        onCancel={() => setPendingDelete(null)}
        actions={
          <>
            <button type="button" className="k-button k-button--secondary" onClick={() => setPendingDelete(null)}>
              {t('workers.deleteCancel')}
            </button>
            <button
              type="button"
              className="k-button k-button--danger"
              onClick={() => void confirmDelete()}
              aria-disabled={isDeleting || undefined}
            >
              {t('workers.deleteConfirm')}
            </button>
          </>
        }
      >
        <p>{pendingDelete ? t('workers.deleteBody', { name: pendingDelete.nameLatin }) : null}</p>
      </ModalDialog>
    </section>
  );
}
