import { apiErrorKey, formatDate, formatDateTime, type Message, ModalDialog, Notice, translateMessage } from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PortalOutputs, trpc } from '../../lib/trpc';
import { downloadCertificateFile } from './download-certificate-file';
import './certificate.css';

type TCertificateStatus = PortalOutputs['certificate']['get'];

/** The current certificate of the acting organisation, as マイページ shows it. */
export function useCertificateStatus() {
  return trpc.certificate.get.useQuery(undefined, { refetchOnMount: 'always', retry: false });
}

/**
 * 「入会証明書再発行申請」, the orange button at the top right of マイページ (SPEC E1, manual p.16).
 * Shown when a reissue can be asked for: the certificate was downloaded, no request is open, and
 * the user may ask.
 */
export function ReissueRequestButton() {
  const { t } = useTranslation();
  const status = useCertificateStatus();
  if (!status.data?.canRequestReissue) return null;
  return (
    <Link className="k-button k-button--orange" to="/certificate/reissue">
      {t('certificate.reissueButton')}
    </Link>
  );
}

/** マイページ's 入会証明書 section (SPEC C3, C4, E1): download once; afterwards when and by whom. */
export function CertificateSection() {
  const status = useCertificateStatus();
  const data = status.data;
  if (!data || (!data.certificate && !data.openReissueRequest)) return null;
  return <CertificateCard data={data} refetch={async () => (await status.refetch()).data} />;
}

function CertificateCard({ data, refetch }: { data: TCertificateStatus; refetch: () => Promise<TCertificateStatus | undefined> }) {
  const { t, i18n } = useTranslation();
  const [isDownloading, setIsDownloading] = useState(false);
  const [problem, setProblem] = useState<Message | null>(null);
  const [downloadedName, setDownloadedName] = useState<string | null>(null);
  const { certificate } = data;

  async function onDownload() {
    if (isDownloading) return;
    setIsDownloading(true);
    setProblem(null);
    const outcome = await downloadCertificateFile();
    setIsDownloading(false);
    if (!outcome.ok) {
      setProblem(outcome.message);
      void refetch();
      return;
    }
    setDownloadedName(outcome.fileName);
    // The API records the download just after the last byte has left it, so the first re-read may
    // come a moment too early: ask again briefly until it shows who downloaded it and when.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const latest = await refetch();
      if (latest?.certificate?.stage !== 'ready') return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  return (
    <section className="k-card" aria-labelledby="certificate-heading">
      <h2 id="certificate-heading" className="k-card__title">
        {t('certificate.heading')}
      </h2>
      {certificate ? (
        <dl className="k-summary-list">
          <dt>{t('certificate.membershipNumber')}</dt>
          <dd>{certificate.membershipNumber}</dd>
          <dt>{t('certificate.issueNumber')}</dt>
          <dd>{t('certificate.issueNumberValue', { number: certificate.issueNumber })}</dd>
          <dt>{t('certificate.issuedAt')}</dt>
          <dd>{formatDate(certificate.issuedAt, i18n.language)}</dd>
          <dt>{t('certificate.stateLabel')}</dt>
          <dd>
            <strong>{t(`certificate.stage.${certificate.stage}`)}</strong>
          </dd>
          {certificate.downloadedAt ? (
            <>
              <dt>{t('certificate.downloadedLabel')}</dt>
              <dd>
                {t('certificate.downloadedBy', {
                  date: formatDateTime(certificate.downloadedAt, i18n.language),
                  name: certificate.downloadedByName ?? '',
                })}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <div>
        {downloadedName ? <Notice tone="success">{t('certificate.downloadDone', { name: downloadedName })}</Notice> : null}
        {problem ? <Notice>{translateMessage(t, i18n, problem)}</Notice> : null}
      </div>
      {certificate?.stage === 'preparing' ? <p>{t('certificate.preparing')}</p> : null}
      {certificate?.stage === 'ready' && data.canDownload ? (
        <>
          <p>{t('certificate.onceOnly')}</p>
          <p className="k-section-gap">
            <button type="button" className="k-button" onClick={() => void onDownload()} aria-disabled={isDownloading || undefined}>
              {isDownloading ? t('certificate.downloading') : t('certificate.download')}
            </button>
          </p>
        </>
      ) : null}
      {certificate?.stage === 'ready' && !data.canDownload ? <p>{t('certificate.noPermission')}</p> : null}
      {certificate?.stage === 'downloaded' ? <p>{t('certificate.alreadyDownloadedHint')}</p> : null}
      {data.openReissueRequest ? (
        <>
          <h3 className="k-subheading">{t('certificate.reissueOpenHeading')}</h3>
          <p>{t('certificate.reissueOpen', { date: formatDateTime(data.openReissueRequest.requestedAt, i18n.language) })}</p>
          <dl className="k-summary-list">
            <dt>{t('certificate.reissueReason')}</dt>
            <dd className="k-prewrap">{data.openReissueRequest.reason}</dd>
          </dl>
          {data.canCancelReissue ? <CancelReissue refetch={refetch} /> : null}
        </>
      ) : null}
      {data.declinedReissueRequest ? (
        <>
          <h3 className="k-subheading">{t('certificate.reissueDeclinedHeading')}</h3>
          <p>{t('certificate.reissueDeclined', { date: formatDateTime(data.declinedReissueRequest.decidedAt, i18n.language) })}</p>
          <dl className="k-summary-list">
            <dt>{t('certificate.reissueDeclineReason')}</dt>
            <dd className="k-prewrap">{data.declinedReissueRequest.decisionReason}</dd>
          </dl>
        </>
      ) : null}
      {data.canRequestReissue ? (
        <p className="k-section-gap">
          <Link to="/certificate/reissue">{t('certificate.reissueButton')}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** 「再発行申請を取り消す」: takes the open request back after a confirmation (e.g. to give a better reason). */
function CancelReissue({ refetch }: { refetch: () => Promise<TCertificateStatus | undefined> }) {
  const { t } = useTranslation();
  const cancel = trpc.certificate.cancelReissue.useMutation();
  const [isConfirming, setIsConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function onConfirm() {
    setIsConfirming(false);
    try {
      await cancel.mutateAsync();
      await refetch();
    } catch (error) {
      setProblem(t(apiErrorKey(error) ?? 'common.network'));
      void refetch();
    }
  }

  return (
    <>
      {problem ? <Notice>{problem}</Notice> : null}
      <p className="k-section-gap">
        <button
          type="button"
          className="k-button k-button--secondary"
          onClick={() => setIsConfirming(true)}
          aria-disabled={cancel.isPending || undefined}
        >
          {t('certificate.reissueCancel')}
        </button>
      </p>
      <ModalDialog
        isOpen={isConfirming}
        id="reissue-cancel-confirm"
        title={t('certificate.reissueCancelTitle')}
        onCancel={() => setIsConfirming(false)}
        actions={
          <>
            <button type="button" className="k-button" onClick={() => void onConfirm()}>
              {t('certificate.reissueCancel')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => setIsConfirming(false)}>
              {t('certificate.reissueCancelKeep')}
            </button>
          </>
        }
      >
        <p>{t('certificate.reissueCancelBody')}</p>
      </ModalDialog>
    </>
  );
}
