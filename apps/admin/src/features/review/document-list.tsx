import { apiErrorKey, formatBytes, formatDateTime, Notice } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import { documentUrl } from './document-url';
import type { TReviewDocument } from './review-types';

/**
 * The documents of one worker (or of the corporation): each opens in an in-page PDF preview
 * through the audited admin file route, can be downloaded, and gets the reviewer's check
 * (問題なし / 要修正 with a reason).
 */
export function DocumentList({ applicationId, documents }: { applicationId: string; documents: TReviewDocument[] }) {
  return (
    <ul className="k-plain-list">
      {documents.map((document) => (
        <li key={document.id}>
          <ReviewDocument applicationId={applicationId} document={document} />
        </li>
      ))}
    </ul>
  );
}

function ReviewDocument({ applicationId, document }: { applicationId: string; document: TReviewDocument }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' ? document.nameEn : document.nameJa;
  const [isPreviewOpen, setIsPreviewOpen] = useState(false);
  const previewId = `preview-${document.id}`;
  return (
    <article className="k-document k-section-gap" aria-labelledby={`document-${document.id}-name`}>
      <h4 id={`document-${document.id}-name`} className="k-subheading">
        {name}
      </h4>
      <p className="k-hint">
        {t('reviewPage.documentFile', {
          fileName: document.fileName,
          size: formatBytes(document.byteSize, i18n.language),
          uploadedAt: formatDateTime(new Date(document.uploadedAt), i18n.language),
        })}
      </p>
      <div className="k-button-row k-button-row--tight">
        <button
          type="button"
          className="k-button k-button--secondary k-button--small"
          aria-expanded={isPreviewOpen}
          aria-controls={previewId}
          onClick={() => setIsPreviewOpen((open) => !open)}
        >
          {isPreviewOpen ? t('reviewPage.hidePreview') : t('reviewPage.preview')}
        </button>
        <a className="k-button k-button--secondary k-button--small" href={documentUrl(document.id, { download: true })} download>
          {t('reviewPage.download')}
        </a>
      </div>
      <div id={previewId}>
        {isPreviewOpen ? (
          <iframe
            className="k-review-preview"
            title={t('reviewPage.previewTitle', { name })}
            src={documentUrl(document.id)}
            style={{ width: '100%', height: '70vh', border: '1px solid #c8ced6' }}
          />
        ) : null}
      </div>
      <DocumentCheck applicationId={applicationId} document={document} name={name} />
    </article>
  );
}

function DocumentCheck({ applicationId, document, name }: { applicationId: string; document: TReviewDocument; name: string }) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const save = trpc.review.setDocumentCheck.useMutation();
  const [result, setResult] = useState<'ok' | 'needs_correction' | null>(document.check?.result ?? null);
  const [reason, setReason] = useState(document.check?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const base = `check-${document.id}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!result) return;
    if (result === 'needs_correction' && reason.trim() === '') {
      setProblem(t('review.checkReasonRequired'));
      return;
    }
    setProblem(null);
    try {
      await save.mutateAsync({ applicationId, documentId: document.id, result, ...(result === 'needs_correction' ? { reason } : {}) });
      await utils.review.get.invalidate({ applicationId });
    } catch (error) {
      setProblem(t(apiErrorKey(error) ?? 'common.network'));
    }
  }

  const saved = document.check;
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="k-section-gap">
      <fieldset className="k-fieldset">
        <legend className="k-label">{t('reviewPage.checkLegend', { name })}</legend>
        <p className="k-hint" id={`${base}-status`}>
          {saved
            ? t('reviewPage.checkSaved', {
                result: saved.result === 'ok' ? t('reviewPage.checkOk') : t('reviewPage.checkNeedsCorrection'),
                name: saved.checkedByName,
                at: formatDateTime(saved.checkedAt, i18n.language),
              })
            : t('reviewPage.checkNone')}
          {saved?.reason ? ` — ${saved.reason}` : ''}
        </p>
        <div className="k-checkbox">
          <input type="radio" id={`${base}-ok`} name={base} checked={result === 'ok'} onChange={() => setResult('ok')} />
          <label htmlFor={`${base}-ok`}>{t('reviewPage.checkOk')}</label>
        </div>
        <div className="k-checkbox">
          <input
            type="radio"
            id={`${base}-needs`}
            name={base}
            checked={result === 'needs_correction'}
            onChange={() => setResult('needs_correction')}
          />
          <label htmlFor={`${base}-needs`}>{t('reviewPage.checkNeedsCorrection')}</label>
        </div>
        {result === 'needs_correction' ? (
          <div className={problem ? 'k-field k-field--error' : 'k-field'}>
            <label className="k-label" htmlFor={`${base}-reason`}>
              {t('reviewPage.checkReason')}
            </label>
            {problem ? (
              <span id={`${base}-error`} className="k-field-error">
                {problem}
              </span>
            ) : null}
            <textarea
              id={`${base}-reason`}
              className="k-input"
              style={{ width: '100%', minHeight: '4rem' }}
              value={reason}
              maxLength={1000}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${base}-error` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        ) : problem ? (
          <Notice>{problem}</Notice>
        ) : null}
      </fieldset>
      <button type="submit" className="k-button k-button--small" aria-disabled={!result || save.isPending || undefined}>
        {t('reviewPage.checkSave')}
      </button>
    </form>
  );
}
