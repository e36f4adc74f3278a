import { CheckboxField, ErrorSummary, ModalDialog, Notice, PageHeading, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMembership } from '../features/membership/membership-card';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/**
 * 協議会の退会 (SPEC F1, manual p.17): the council's notes on withdrawal → 「退会に関する注意事項を読みました」
 * → 「退会する」 → 「本当に退会してもよろしいですか？」 → 「退会する」.
 */
export function WithdrawalPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('withdrawal.title'), useTenantName());
  return <RequireSignedIn>{() => <Withdrawal />}</RequireSignedIn>;
}

function Withdrawal() {
  const { t, i18n } = useTranslation();
  const membership = useMembership();
  const withdraw = trpc.membership.withdraw.useMutation();
  const utils = trpc.useUtils();
  const [isAcknowledged, setIsAcknowledged] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const fields = useMemo(() => ({ notesAcknowledged: { id: 'withdrawal-acknowledge', label: t('withdrawal.acknowledge') } }), [t]);
  const form = useFormErrors(fields);

  if (membership.isPending) return <Loading />;
  if (membership.isError || !membership.data) return <Notice>{t('common.network')}</Notice>;
  const data = membership.data;
  const backLink = (
    <p className="k-section-gap">
      <Link to="/">{t('withdrawal.backToMyPage')}</Link>
    </p>
  );

  if (withdraw.isSuccess) {
    return (
      <div className="k-narrow">
        <PageHeading>{t('withdrawal.title')}</PageHeading>
        <Notice tone="success">{t('withdrawal.done')}</Notice>
        {backLink}
      </div>
    );
  }
  if (data.membershipState !== 'active') {
    return (
      <div className="k-narrow">
        <PageHeading>{t('withdrawal.title')}</PageHeading>
        <Notice>{data.membershipState === 'withdrawn' ? t('membership.notActive') : t('withdrawal.notMember')}</Notice>
        {backLink}
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isAcknowledged) {
      form.showErrors({ summary: { key: 'validation.failed' }, fields: { notesAcknowledged: { key: 'membership.notesNotAcknowledged' } } });
      return;
    }
    form.clear();
    setIsConfirming(true);
  }

  async function onConfirm() {
    setIsConfirming(false);
    try {
      await withdraw.mutateAsync({ notesAcknowledged: isAcknowledged });
      await Promise.all([utils.membership.get.invalidate(), utils.mypage.get.invalidate(), utils.certificate.get.invalidate()]);
    } catch (error) {
      form.showApiError(error);
    }
  }

  const notes = i18n.language === 'en' ? data.withdrawalNotes.en : data.withdrawalNotes.ja;
  return (
    <div className="k-narrow">
      <PageHeading>{t('withdrawal.title')}</PageHeading>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <p className="k-lead">{t('withdrawal.lead')}</p>
      <p>{t('withdrawal.contactFirst')}</p>
      <section className="k-card" aria-labelledby="withdrawal-notes-heading">
        <h2 id="withdrawal-notes-heading" className="k-card__title">
          {t('withdrawal.notesHeading')}
        </h2>
        {notes.split(/\n\s*\n/).map((paragraph) => (
          <p key={paragraph} lang={i18n.language === 'en' ? 'en' : 'ja'}>
            {paragraph}
          </p>
        ))}
        <p>{t('withdrawal.consequences', { years: data.retentionYears })}</p>
      </section>
      {data.canWithdraw ? (
        <form noValidate onSubmit={onSubmit}>
          <CheckboxField
            id={fields.notesAcknowledged.id}
            name="notesAcknowledged"
            label={fields.notesAcknowledged.label}
            checked={isAcknowledged}
            onCheckedChange={setIsAcknowledged}
            error={form.fieldError('notesAcknowledged')}
          />
          <div className="k-form-actions">
            <button type="submit" className="k-button k-button--danger" aria-disabled={withdraw.isPending || undefined}>
              {t('withdrawal.submit')}
            </button>
          </div>
        </form>
      ) : (
        <Notice>{t('withdrawal.notAllowed')}</Notice>
      )}
      {backLink}
      <ModalDialog
        isOpen={isConfirming}
        id="withdrawal-confirm"
        role="alertdialog"
        title={t('withdrawal.confirmTitle')}
        onCancel={() => setIsConfirming(false)}
        actions={
          <>
            <button type="button" className="k-button k-button--danger" onClick={() => void onConfirm()}>
              {t('withdrawal.confirm')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => setIsConfirming(false)}>
              {t('withdrawal.keep')}
            </button>
          </>
        }
      >
        <p>{t('withdrawal.confirmBody')}</p>
      </ModalDialog>
    </div>
  );
}
