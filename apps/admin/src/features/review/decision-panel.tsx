import { ZTransitionText } from '@kyogikai/domain';
import { apiErrorKey, ModalDialog, Notice } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import type { TReview } from './review-types';

type TConfirmable = 'start_review' | 'complete_review' | 'approve';
type TWithText = 'return_for_correction' | 'reject';

/**
 * The decisions the machine allows this staff member now (review.get's availableEvents): start,
 * return with a message, complete (forward, or approve where the secretariat decides alone),
 * approve, reject with a reason. Each asks first: a dialog, or a form for the text that is mailed.
 * Every call carries the version shown, so a decision on a stale page is refused.
 */
export function DecisionPanel({ review, onDecided }: { review: TReview; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const utils = trpc.useUtils();
  const startReview = trpc.review.startReview.useMutation();
  const completeReview = trpc.review.completeReview.useMutation();
  const approve = trpc.review.approve.useMutation();
  const returnForCorrection = trpc.review.returnForCorrection.useMutation();
  const reject = trpc.review.reject.useMutation();
  const [confirming, setConfirming] = useState<TConfirmable | null>(null);
  const [writing, setWriting] = useState<TWithText | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { application } = review;
  const target = { applicationId: application.id, version: application.version };
  const name = review.organisation.corporateName ?? t('reviewPage.unnamed');
  const events = review.availableEvents;
  const isSecretariatOnly = review.approvalSteps === 'secretariat';

  async function run(call: () => Promise<{ state: string; membershipNumber: string | null }>) {
    setProblem(null);
    try {
      const decided = await call();
      setWriting(null);
      setText('');
      onDecided(t(`reviewPage.decided.${decided.state}`, { number: decided.membershipNumber ?? '' }));
    } catch (error) {
      setProblem(t(apiErrorKey(error) ?? 'common.network'));
    }
    await utils.review.get.invalidate({ applicationId: application.id });
  }

  function onConfirm() {
    const event = confirming;
    setConfirming(null);
    if (event === 'start_review') void run(() => startReview.mutateAsync(target));
    if (event === 'complete_review') void run(() => completeReview.mutateAsync(target));
    if (event === 'approve') void run(() => approve.mutateAsync(target));
  }

  function onSubmitText(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = ZTransitionText.safeParse(text);
    if (!check.success) {
      setTextError(t(check.error.issues[0]?.message ?? 'transition.textRequired', { max: 4000 }));
      return;
    }
    setTextError(null);
    if (writing === 'return_for_correction') void run(() => returnForCorrection.mutateAsync({ ...target, message: check.data }));
    if (writing === 'reject') void run(() => reject.mutateAsync({ ...target, reason: check.data }));
  }

  const confirmText: Record<TConfirmable, { title: string; body: string; action: string }> = {
    start_review: {
      title: t('reviewPage.confirmStartTitle'),
      body: t('reviewPage.confirmStartBody', { name }),
      action: t('reviewPage.startReview'),
    },
    complete_review: isSecretariatOnly
      ? {
          title: t('reviewPage.confirmApproveTitle'),
          body: t('reviewPage.confirmApproveBody', { name }),
          action: t('reviewPage.completeAndApprove'),
        }
      : {
          title: t('reviewPage.confirmForwardTitle'),
          body: t('reviewPage.confirmForwardBody', { name }),
          action: t('reviewPage.completeAndForward'),
        },
    approve: {
      title: t('reviewPage.confirmApproveTitle'),
      body: t('reviewPage.confirmApproveBody', { name }),
      action: t('reviewPage.approve'),
    },
  };
  const textId = 'decision-text';
  const isBusy =
    startReview.isPending || completeReview.isPending || approve.isPending || returnForCorrection.isPending || reject.isPending;

  return (
    <section className="k-card" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading" className="k-card__title">
        {t('reviewPage.decisionsHeading')}
      </h2>
      {problem ? <Notice>{problem}</Notice> : null}
      {events.length === 0 ? (
        <p>{t('reviewPage.noDecision')}</p>
      ) : (
        <div className="k-button-row">
          {events.includes('start_review') ? (
            <button type="button" className="k-button" onClick={() => setConfirming('start_review')} aria-disabled={isBusy || undefined}>
              {t('reviewPage.startReview')}
            </button>
          ) : null}
          {events.includes('complete_review') ? (
            <button type="button" className="k-button" onClick={() => setConfirming('complete_review')} aria-disabled={isBusy || undefined}>
              {isSecretariatOnly ? t('reviewPage.completeAndApprove') : t('reviewPage.completeAndForward')}
            </button>
          ) : null}
          {events.includes('approve') ? (
            <button type="button" className="k-button" onClick={() => setConfirming('approve')} aria-disabled={isBusy || undefined}>
              {t('reviewPage.approve')}
            </button>
          ) : null}
          {events.includes('return_for_correction') ? (
            <button
              type="button"
              className="k-button k-button--secondary"
              aria-expanded={writing === 'return_for_correction'}
              aria-controls={`${textId}-form`}
              onClick={() => setWriting((open) => (open === 'return_for_correction' ? null : 'return_for_correction'))}
            >
              {t('reviewPage.returnForCorrection')}
            </button>
          ) : null}
          {events.includes('reject') ? (
            <button
              type="button"
              className="k-button k-button--secondary"
              aria-expanded={writing === 'reject'}
              aria-controls={`${textId}-form`}
              onClick={() => setWriting((open) => (open === 'reject' ? null : 'reject'))}
            >
              {t('reviewPage.reject')}
            </button>
          ) : null}
        </div>
      )}
      {writing ? (
        <form id={`${textId}-form`} noValidate onSubmit={onSubmitText} className="k-section-gap">
          <div className={textError ? 'k-field k-field--error' : 'k-field'}>
            <label className="k-label" htmlFor={textId}>
              {writing === 'reject' ? t('reviewPage.rejectReason') : t('reviewPage.returnMessage')}
              <span className="k-badge">{t('form.required')}</span>
            </label>
            <span id={`${textId}-hint`} className="k-hint">
              {writing === 'reject' ? t('reviewPage.rejectReasonHint') : t('reviewPage.returnMessageHint')}
            </span>
            {textError ? (
              <span id={`${textId}-error`} className="k-field-error">
                {textError}
              </span>
            ) : null}
            <textarea
              id={textId}
              className="k-input"
              style={{ width: '100%', minHeight: '8rem' }}
              value={text}
              maxLength={4000}
              onChange={(event) => setText(event.target.value)}
              aria-invalid={textError ? true : undefined}
              aria-required
              aria-describedby={textError ? `${textId}-hint ${textId}-error` : `${textId}-hint`}
            />
          </div>
          <button
            type="submit"
            className={writing === 'reject' ? 'k-button k-button--danger' : 'k-button'}
            aria-disabled={isBusy || undefined}
          >
            {writing === 'reject' ? t('reviewPage.rejectSubmit') : t('reviewPage.returnSubmit')}
          </button>
        </form>
      ) : null}
      <ModalDialog
        isOpen={confirming !== null}
        id="decision-confirm"
        title={confirming ? confirmText[confirming].title : ''}
        onCancel={() => setConfirming(null)}
        actions={
          <>
            <button type="button" className="k-button" onClick={onConfirm}>
              {confirming ? confirmText[confirming].action : ''}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => setConfirming(null)}>
              {t('reviewPage.cancel')}
            </button>
          </>
        }
      >
        <p>{confirming ? confirmText[confirming].body : ''}</p>
      </ModalDialog>
    </section>
  );
}
