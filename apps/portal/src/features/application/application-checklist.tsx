import { formErrorsFromApiError, translateMessage } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { organisationDocumentLink } from '../documents/organisation-document-links';
import { step1FieldLabelKey } from '../organisation/step1-fields';
import { Loading } from '../session/require-signed-in';
import { trpc } from '../../lib/trpc';
import { StateText } from '../../lib/state-text';

/** Workers listed one by one before the rest are summed up (an organisation may have 200). */
const WORKERS_SHOWN = 10;

/** One line of the list: what is missing and the page where it is fixed. */
interface ChecklistLine {
  key: string;
  text: string;
  to: string;
}

/**
 * SPEC B5 on マイページ: what still blocks the application (STEP1 fields, the organisation's and
 * each establishment's documents, a worker, each worker's establishment and required documents),
 * each a link to where it is fixed; 「上記内容で申請を行う」
 * only once nothing is missing, and why not until then. A worker's gaps are one line (its
 * establishment and the documents by name), and after ten workers the rest are counted.
 */
export function ApplicationChecklist() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const checklist = trpc.application.checklist.useQuery(undefined, { refetchOnMount: 'always' });

  const lines: ChecklistLine[] = [];
  const byWorker = new Map<string, { name: string; hasNoEstablishment: boolean; documents: string[] }>();
  // The organisation's and each establishment's missing documents: one line per owner, linking to its first missing slot.
  const byOwner = new Map<string, { text: (missing: string) => string; to: string; documents: string[] }>();
  const documentName = (item: { documentNameJa: string; documentNameEn: string }) =>
    i18n.language === 'en' ? item.documentNameEn : item.documentNameJa;
  for (const item of checklist.data?.items ?? []) {
    if (item.kind === 'step1') {
      lines.push({
        key: `step1:${item.field}`,
        text: t('checklist.step1Field', { field: t(step1FieldLabelKey(item.field)) }),
        to: '/application/step1',
      });
    } else if (item.kind === 'workers') {
      lines.push({ key: 'workers', text: t('checklist.noWorkers'), to: '/application/workers/new' });
    } else if (item.kind === 'organisationDocument' || item.kind === 'establishmentDocument') {
      const key = item.kind === 'organisationDocument' ? 'organisation' : `establishment:${item.establishmentId}`;
      const owner = byOwner.get(key) ?? {
        text: (missing: string) =>
          item.kind === 'organisationDocument'
            ? t('organisationDocuments.checklistOrganisation', { missing })
            : t('organisationDocuments.checklistEstablishment', { name: item.establishmentName, missing }),
        to: organisationDocumentLink(item),
        documents: [],
      };
      owner.documents.push(documentName(item));
      byOwner.set(key, owner);
    } else {
      const worker = byWorker.get(item.workerId) ?? { name: item.workerName, hasNoEstablishment: false, documents: [] };
      if (item.kind === 'establishment') worker.hasNoEstablishment = true;
      else worker.documents.push(documentName(item));
      byWorker.set(item.workerId, worker);
    }
  }
  for (const [key, owner] of byOwner) {
    const missing = t('checklist.documentsMissing', {
      count: owner.documents.length,
      documents: owner.documents.join(t('checklist.separator')),
    });
    lines.push({ key, text: owner.text(missing), to: owner.to });
  }
  const workerLines = [...byWorker.entries()].map(([workerId, worker]): ChecklistLine => {
    const parts = [
      ...(worker.hasNoEstablishment ? [t('checklist.establishmentMissing')] : []),
      ...(worker.documents.length > 0
        ? [t('checklist.documentsMissing', { count: worker.documents.length, documents: worker.documents.join(t('checklist.separator')) })]
        : []),
    ];
    return {
      key: `worker:${workerId}`,
      text: t('checklist.worker', { name: worker.name, missing: parts.join(t('checklist.separator')) }),
      to: `/application/workers/${workerId}`,
    };
  });
  lines.push(...workerLines.slice(0, WORKERS_SHOWN));
  const workersNotShown = Math.max(0, workerLines.length - WORKERS_SHOWN);

  return (
    <section className="k-card" aria-labelledby="submit-heading">
      <h2 id="submit-heading" className="k-card__title">
        {t('checklist.heading')}
      </h2>
      {checklist.isPending ? <Loading /> : null}
      {checklist.isError ? (
        <p role="alert">{translateMessage(t, i18n, formErrorsFromApiError(checklist.error).summary ?? { key: 'common.internal' })}</p>
      ) : null}
      {checklist.data ? (
        <>
          {checklist.data.isComplete ? (
            <p>
              <StateText tone="done">{t('checklist.complete')}</StateText>
            </p>
          ) : (
            <>
              <p>{t('checklist.lead')}</p>
              <ul className="k-checklist">
                {lines.map((line) => (
                  <li key={line.key}>
                    <Link to={line.to}>{line.text}</Link>
                  </li>
                ))}
              </ul>
              {workersNotShown > 0 ? <p>{t('checklist.moreWorkers', { count: workersNotShown })}</p> : null}
            </>
          )}
          <p className="k-section-gap">{t('checklist.submitNote')}</p>
          <div className="k-form-actions">
            <button
              type="button"
              className="k-button"
              aria-disabled={checklist.data.isComplete ? undefined : true}
              aria-describedby={checklist.data.isComplete ? undefined : 'submit-disabled-reason'}
              onClick={() => {
                if (checklist.data?.isComplete) void navigate('/application/review');
              }}
            >
              {t('submission.submit')}
            </button>
            {checklist.data.isComplete ? null : (
              <p id="submit-disabled-reason" className="k-form-actions__note">
                {t('checklist.disabledReason', { count: checklist.data.items.length })}
              </p>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
