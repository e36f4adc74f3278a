import { ErrorSummary, formatDate, formatDateTime, Notice, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PortalOutputs, trpc } from '../../lib/trpc';
import { ChangeList, changeLabel, summariseChanges } from './member-info-changes';
import { memberInfoLabelKey, type TChangeOverview } from './member-info-fields';
import './member-info.css';

type TOpenRequest = NonNullable<TChangeOverview['draft']>;
type THistory = PortalOutputs['changeRequest']['history'];

/**
 * マイページ's ◆会員情報 (SPEC D1-D6; manual p.8-10): 「詳細情報の確認および変更」 (yellow) opens the
 * detail screen; a saved draft is shown before/after with 「上記の内容で変更申請を行う」 (blue), which
 * asks for 変更内容 and 理由 and sends with 「申請を行う」 (blue); a pending change shows before/after
 * until it is decided, with 「変更を取り消す」 while the member may still take it back; below, the
 * change history (変更日, 変更者, 変更内容, 変更理由), newest first.
 */
export function MemberInfoSection() {
  const { t } = useTranslation();
  const utils = trpc.useUtils();
  const overview = trpc.changeRequest.overview.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  const history = trpc.changeRequest.history.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  const [notice, setNotice] = useState<'submitted' | 'applied' | 'cancelled' | null>(null);
  const data = overview.data;
  if (!data || data.membershipState === 'none') return null;
  const refresh = async (next: typeof notice) => {
    setNotice(next);
    // The workers and establishments on マイページ show where their changes stand too (SPEC D2-D4).
    await Promise.all([overview.refetch(), history.refetch(), utils.changeRequest.registeredData.invalidate()]);
  };
  return (
    <section className="k-card" aria-labelledby="member-info-section-heading">
      <div className="k-member-info-head">
        <h2 id="member-info-section-heading" className="k-card__title">
          {t('memberInfo.heading')}
        </h2>
        <Link className="k-button k-button--yellow" to="/membership/details">
          {t('memberInfo.openDetails')}
        </Link>
      </div>
      {notice ? <Notice tone="success">{t(`memberInfo.notice.${notice}`)}</Notice> : null}
      {/* Only once re-read: a change saved on another screen must be in what is submitted (SPEC D6). */}
      {data.draft && overview.isFetchedAfterMount ? <DraftRequest request={data.draft} onDone={refresh} /> : null}
      {data.pending.map((request) => (
        <PendingRequest key={request.id} request={request} onDone={refresh} />
      ))}
      <ChangeHistory rows={history.data ?? []} />
    </section>
  );
}

function DraftRequest({
  request,
  onDone,
}: {
  request: TOpenRequest;
  onDone: (notice: 'submitted' | 'applied' | 'cancelled') => Promise<void>;
}) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  return (
    <div className="k-section-gap">
      <h3 className="k-subheading">{t('memberInfo.draftHeading')}</h3>
      <p>{t('memberInfo.draftLead')}</p>
      <ChangeList changes={request.changes} />
      {isAsking ? (
        <SubmitForm key={request.version} request={request} onDone={onDone} onBack={() => setIsAsking(false)} />
      ) : (
        <div className="k-form-actions">
          {request.canSubmit ? (
            <button type="button" className="k-button" onClick={() => setIsAsking(true)}>
              {t('memberInfo.askSubmit')}
            </button>
          ) : null}
          {request.canCancel ? <CancelButton request={request} onDone={onDone} /> : null}
        </div>
      )}
    </div>
  );
}

function SubmitForm({
  request,
  onDone,
  onBack,
}: {
  request: TOpenRequest;
  onDone: (notice: 'submitted' | 'applied') => Promise<void>;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [content, setContent] = useState(() =>
    summariseChanges(
      request.changes,
      (change) => changeLabel(change, (field) => t(memberInfoLabelKey(field)), i18n.language),
      t('memberInfo.empty'),
    ),
  );
  const [reason, setReason] = useState('');
  const submit = trpc.changeRequest.submit.useMutation();
  const fields = useMemo(
    () => ({
      content: { id: 'change-content', label: t('memberInfo.content') },
      reason: { id: 'change-reason', label: t('memberInfo.reason') },
    }),
    [t],
  );
  const form = useFormErrors(fields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.isPending) return;
    const missing = Object.fromEntries(
      (['content', 'reason'] as const)
        .filter((name) => !(name === 'content' ? content : reason).trim())
        .map((name) => [name, { key: 'validation.required' }]),
    );
    if (Object.keys(missing).length > 0) {
      form.showErrors({ summary: { key: 'validation.failed' }, fields: missing });
      return;
    }
    try {
      const done = await submit.mutateAsync({ id: request.id, version: request.version, content, reason });
      await onDone(done.state === 'approved' ? 'applied' : 'submitted');
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="k-section-gap">
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      {(['content', 'reason'] as const).map((name) => {
        const error = form.fieldError(name);
        const id = fields[name].id;
        return (
          <div key={name} className={error ? 'k-field k-field--error' : 'k-field'}>
            <label className="k-label" htmlFor={id}>
              {fields[name].label}
              <span className="k-badge">{t('form.required')}</span>
            </label>
            {error ? (
              <span id={`${id}-error`} className="k-field-error">
                {error}
              </span>
            ) : null}
            <textarea
              id={id}
              name={name}
              className="k-input k-textarea"
              maxLength={4000}
              value={name === 'content' ? content : reason}
              onChange={(event) => (name === 'content' ? setContent(event.target.value) : setReason(event.target.value))}
              aria-invalid={error ? true : undefined}
              aria-required
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
        );
      })}
      <div className="k-form-actions">
        <button type="submit" className="k-button" aria-disabled={submit.isPending || undefined}>
          {t('memberInfo.submit')}
        </button>
        <button type="button" className="k-button k-button--secondary" onClick={onBack}>
          {t('memberInfo.back')}
        </button>
      </div>
    </form>
  );
}

function PendingRequest({ request, onDone }: { request: TOpenRequest; onDone: (notice: 'cancelled') => Promise<void> }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="k-section-gap">
      <h3 className="k-subheading">{t('memberInfo.pendingHeading')}</h3>
      <dl className="k-summary-list">
        <dt>{t('memberInfo.state')}</dt>
        <dd>
          <strong>{t(`memberInfo.states.${request.state}`)}</strong>
        </dd>
        {request.submittedAt ? (
          <>
            <dt>{t('memberInfo.submittedAt')}</dt>
            <dd>{formatDate(request.submittedAt, i18n.language)}</dd>
          </>
        ) : null}
        <dt>{t('memberInfo.reason')}</dt>
        <dd className="k-prewrap">{request.reason}</dd>
      </dl>
      <ChangeList changes={request.changes} />
      {request.canCancel ? (
        <div className="k-form-actions">
          <CancelButton request={request} onDone={onDone} />
        </div>
      ) : null}
    </div>
  );
}

/** 「変更を取り消す」 with a confirmation: the registered values stay as they are. */
function CancelButton({ request, onDone }: { request: TOpenRequest; onDone: (notice: 'cancelled') => Promise<void> }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const cancel = trpc.changeRequest.cancel.useMutation();
  const [failed, setFailed] = useState(false);
  if (!isConfirming) {
    return (
      <button type="button" className="k-button k-button--secondary" onClick={() => setIsConfirming(true)}>
        {t('memberInfo.cancel')}
      </button>
    );
  }
  return (
    <fieldset className="k-fieldset">
      <legend>{t('memberInfo.cancelConfirm')}</legend>
      {failed ? <Notice>{t('changeRequest.notFound')}</Notice> : null}
      <div className="k-form-actions">
        <button
          type="button"
          className="k-button"
          onClick={() =>
            void cancel
              .mutateAsync({ id: request.id, version: request.version })
              .then(() => onDone('cancelled'))
              .catch(() => setFailed(true))
          }
        >
          {t('memberInfo.cancelConfirmButton')}
        </button>
        <button type="button" className="k-button k-button--secondary" onClick={() => setIsConfirming(false)}>
          {t('memberInfo.back')}
        </button>
      </div>
    </fieldset>
  );
}

/** 変更履歴 (SPEC D; manual p.8): 変更日, 変更者, 変更内容 (項目, 変更前, 変更後), 変更理由 — newest first. */
function ChangeHistory({ rows }: { rows: THistory }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="k-section-gap">
      <h3 className="k-subheading" id="change-history-heading">
        {t('memberInfo.historyHeading')}
      </h3>
      {rows.length === 0 ? (
        <p>{t('memberInfo.historyEmpty')}</p>
      ) : (
        <div className="k-table-scroll">
          <table className="k-change-table" aria-labelledby="change-history-heading">
            <thead>
              <tr>
                <th scope="col">{t('memberInfo.changedAt')}</th>
                <th scope="col">{t('memberInfo.changedBy')}</th>
                <th scope="col">{t('memberInfo.field')}</th>
                <th scope="col">{t('memberInfo.before')}</th>
                <th scope="col">{t('memberInfo.after')}</th>
                <th scope="col">{t('memberInfo.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one request may change the same field of two workers; the list is replaced whole.
                <tr key={index}>
                  <td>{formatDateTime(row.appliedAt, i18n.language)}</td>
                  <td>{row.changedByName}</td>
                  <th scope="row">{changeLabel(row, (field) => t(memberInfoLabelKey(field)), i18n.language)}</th>
                  <td>{row.before || t('memberInfo.empty')}</td>
                  <td>{row.after || t('memberInfo.empty')}</td>
                  <td className="k-prewrap">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
