import { apiErrorKey, CheckboxField, formatDate, Notice } from '@kyogikai/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PortalOutputs, trpc } from '../../lib/trpc';

type TMembership = PortalOutputs['membership']['get'];

/** A YYYY-MM-DD date as the language writes dates (read as a day in Japan). */
export function formatDay(day: string, language: string): string {
  return formatDate(new Date(`${day}T00:00:00+09:00`), language);
}

export function useMembership() {
  return trpc.membership.get.useQuery(undefined, { refetchOnMount: 'always', retry: false });
}

/**
 * マイページ's 会員の状況 card (beside the change flow's ◆会員情報) once the organisation has joined (SPEC F1, G8): status (退会 with the
 * date, and until when the read-only registration is kept), membership number, and the directory
 * choice, which an active member changes here at once.
 */
export function MembershipCard() {
  const { t, i18n } = useTranslation();
  const membership = useMembership();
  const data = membership.data;
  if (!data || data.membershipState === 'none') return null;
  const isWithdrawn = data.membershipState === 'withdrawn';
  return (
    <section className="k-card" aria-labelledby="membership-heading">
      <h2 id="membership-heading" className="k-card__title">
        {t('membershipCard.heading')}
      </h2>
      {isWithdrawn && data.retentionUntil ? (
        <Notice>{t('membershipCard.readOnly', { date: formatDay(data.retentionUntil, i18n.language) })}</Notice>
      ) : null}
      <dl className="k-summary-list">
        <dt>{t('membershipCard.state')}</dt>
        <dd>
          <strong>
            {isWithdrawn && data.withdrawnAt
              ? t('membershipCard.withdrawnOn', { date: formatDate(data.withdrawnAt, i18n.language) })
              : t(`membershipCard.states.${data.membershipState}`)}
          </strong>
        </dd>
        {data.membershipNumber ? (
          <>
            <dt>{t('membershipCard.membershipNumber')}</dt>
            <dd>{data.membershipNumber}</dd>
          </>
        ) : null}
        {data.joinedAt ? (
          <>
            <dt>{t('membershipCard.joinedAt')}</dt>
            <dd>{formatDate(data.joinedAt, i18n.language)}</dd>
          </>
        ) : null}
        {data.retentionUntil ? (
          <>
            <dt>{t('membershipCard.retentionUntil')}</dt>
            <dd>{formatDay(data.retentionUntil, i18n.language)}</dd>
          </>
        ) : null}
        {data.canChangeDirectoryOptIn ? null : (
          <>
            <dt>{t('membershipCard.directoryHeading')}</dt>
            <dd>{data.directoryOptIn && !isWithdrawn ? t('membershipCard.directoryListed') : t('membershipCard.directoryNotListed')}</dd>
          </>
        )}
      </dl>
      {data.canChangeDirectoryOptIn ? <DirectoryChoice membership={data} onSaved={() => void membership.refetch()} /> : null}
      {isWithdrawn ? null : (
        <p className="k-section-gap">
          <Link to="/members">{t('membershipCard.directoryLink')}</Link>
        </p>
      )}
    </section>
  );
}

/** SPEC G8 after joining: the member's consent to be listed, applied at once. */
function DirectoryChoice({ membership, onSaved }: { membership: TMembership; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = trpc.membership.setDirectoryOptIn.useMutation();
  const [checked, setChecked] = useState(membership.directoryOptIn);
  const [outcome, setOutcome] = useState<'saved' | string | null>(null);
  useEffect(() => setChecked(membership.directoryOptIn), [membership.directoryOptIn]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    try {
      await save.mutateAsync({ directoryOptIn: checked });
      setOutcome('saved');
      onSaved();
    } catch (error) {
      setOutcome(t(apiErrorKey(error) ?? 'common.network'));
    }
  }

  return (
    <form noValidate className="k-section-gap" onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="k-fieldset">
        <legend>{t('membershipCard.directoryHeading')}</legend>
        <CheckboxField
          id="membership-directory-opt-in"
          name="directoryOptIn"
          label={t('membershipCard.directoryOptIn')}
          hint={t('membershipCard.directoryHint')}
          checked={checked}
          onCheckedChange={(value) => {
            setChecked(value);
            setOutcome(null);
          }}
        />
      </fieldset>
      <div>
        {outcome === 'saved' ? (
          <Notice tone="success">{t('membershipCard.directorySaved')}</Notice>
        ) : outcome ? (
          <Notice>{outcome}</Notice>
        ) : null}
      </div>
      <button type="submit" className="k-button k-button--secondary" aria-disabled={save.isPending || undefined}>
        {t('membershipCard.directorySave')}
      </button>
    </form>
  );
}

/** 「協議会の退会を希望する方はこちら」 at the bottom of マイページ (SPEC F1), for members only. */
export function WithdrawalLink() {
  const { t } = useTranslation();
  const membership = useMembership();
  if (membership.data?.membershipState !== 'active') return null;
  return (
    <p className="k-section-gap k-withdrawal-link">
      <Link to="/membership/withdraw">{t('withdrawal.link')}</Link>
    </p>
  );
}
