import { apiErrorKey, ErrorSummary, Notice, PageHeading, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DraftSavedMessage } from '../features/membership/draft-save-feedback';
import { ChangeSideBySide } from '../features/membership/member-info-changes';
import {
  MEMBER_INFO_FIELDS,
  MEMBER_INFO_INPUT_ATTRIBUTES,
  MEMBER_INFO_NORMALISE,
  memberInfoLabelKey,
  pendingByField,
  type TChangeOverview,
  type TMemberInfoField,
} from '../features/membership/member-info-fields';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';
import '../features/membership/member-info.css';

/**
 * ◆会員情報 「詳細情報の確認および変更」 (SPEC D1, D5; manual p.8-9): the registered details with any
 * change waiting beside them; 「登録内容を変更する」 (yellow, top right) makes them editable, a changed
 * field turns light yellow with the marker 「変更あり」, and 「申請登録情報を変更する」 (green) stores
 * the draft and shows M-D1. Submitting happens on マイページ (「上記の内容で変更申請を行う」).
 */
export function MembershipDetailsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('memberInfo.detailsTitle'), useTenantName());
  return <RequireSignedIn>{() => <Details />}</RequireSignedIn>;
}

function Details() {
  const { t } = useTranslation();
  const overview = trpc.changeRequest.overview.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  const [isEditing, setIsEditing] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  if (overview.isPending) return <Loading />;
  if (!overview.data) {
    return (
      <>
        <PageHeading>{t('memberInfo.detailsTitle')}</PageHeading>
        <Notice>{apiErrorKey(overview.error) === 'organisation.notSelected' ? t('myPage.noOrganisation') : t('common.network')}</Notice>
      </>
    );
  }
  const data = overview.data;
  return (
    <>
      <div className="k-member-info-head">
        <PageHeading>{t('memberInfo.detailsTitle')}</PageHeading>
        {data.canEdit && !isEditing ? (
          <button
            type="button"
            className="k-button k-button--yellow"
            onClick={() => {
              setIsSaved(false);
              setIsEditing(true);
            }}
          >
            {t('memberInfo.edit')}
          </button>
        ) : null}
      </div>
      {isSaved ? <DraftSavedMessage /> : null}
      {data.membershipState !== 'active' ? <Notice>{t('memberInfo.notActive')}</Notice> : null}
      {isEditing ? (
        <EditForm
          data={data}
          onSaved={async () => {
            await overview.refetch();
            setIsEditing(false);
            setIsSaved(true);
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <section className="k-card" aria-labelledby="member-info-heading">
          <h2 id="member-info-heading" className="k-card__title">
            {t('memberInfo.heading')}
          </h2>
          <p>{t('memberInfo.detailsLead')}</p>
          <ChangeSideBySide overview={data} showAll />
          <p className="k-section-gap">
            <Link to="/">{t('memberInfo.backToMyPage')}</Link>
          </p>
        </section>
      )}
    </>
  );
}

function EditForm({ data, onSaved, onCancel }: { data: TChangeOverview; onSaved: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const pending = useMemo(() => pendingByField(data), [data]);
  const [values, setValues] = useState<Record<TMemberInfoField, string>>(() => {
    const initial = { ...data.values };
    for (const field of MEMBER_INFO_FIELDS) {
      const change = pending.get(field);
      if (change?.isDraft) initial[field] = change.after;
    }
    return initial;
  });
  const save = trpc.changeRequest.saveDraft.useMutation();
  const fields = useMemo(
    () =>
      Object.fromEntries(
        MEMBER_INFO_FIELDS.map((field) => [`values.${field}`, { id: `member-info-${field}`, label: t(memberInfoLabelKey(field)) }]),
      ),
    [t],
  );
  const form = useFormErrors(fields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const editable = MEMBER_INFO_FIELDS.filter((field) => !isLocked(field));
    try {
      await save.mutateAsync({
        draftVersion: data.draft?.version ?? null,
        values: Object.fromEntries(editable.map((field) => [field, values[field]])),
      });
      form.clear();
      await onSaved();
    } catch (error) {
      form.showApiError(error);
    }
  }

  const isLocked = (field: TMemberInfoField) => {
    const change = pending.get(field);
    return change !== undefined && !change.isDraft;
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="member-info-edit-heading">
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <section className="k-card">
        <h2 id="member-info-edit-heading" className="k-card__title">
          {t('memberInfo.heading')}
        </h2>
        <p>{t('memberInfo.editLead')}</p>
        {MEMBER_INFO_FIELDS.map((field) => {
          const id = `member-info-${field}`;
          const isChanged = values[field] !== data.values[field];
          const locked = isLocked(field);
          const error = form.fieldError(`values.${field}`);
          const markerId = `${id}-changed`;
          const describedBy = [locked ? `${id}-locked` : null, isChanged ? markerId : null, error ? `${id}-error` : null]
            .filter(Boolean)
            .join(' ');
          return (
            <div key={field} className={['k-field', isChanged ? 'k-field--changed' : '', error ? 'k-field--error' : ''].join(' ').trim()}>
              <label className="k-label" htmlFor={id}>
                {t(memberInfoLabelKey(field))}
                {isChanged ? (
                  <span id={markerId} className="k-changed-marker">
                    {t('memberInfo.changedMarker')}
                  </span>
                ) : null}
              </label>
              {locked ? (
                <span id={`${id}-locked`} className="k-hint">
                  {t('memberInfo.lockedField', { after: pending.get(field)?.after || t('memberInfo.empty') })}
                </span>
              ) : null}
              {error ? (
                <span id={`${id}-error`} className="k-field-error">
                  {error}
                </span>
              ) : null}
              <input
                id={id}
                name={field}
                className="k-input"
                value={values[field]}
                readOnly={locked}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                {...MEMBER_INFO_INPUT_ATTRIBUTES[field]}
                onChange={(event) => setValues((previous) => ({ ...previous, [field]: event.target.value }))}
                onBlur={(event) => {
                  const normalised = MEMBER_INFO_NORMALISE[field](event.target.value);
                  setValues((previous) => ({ ...previous, [field]: normalised }));
                }}
              />
              {isChanged ? (
                <span className="k-hint">{t('memberInfo.registeredValue', { value: data.values[field] || t('memberInfo.empty') })}</span>
              ) : null}
            </div>
          );
        })}
        <div className="k-form-actions">
          <button type="submit" className="k-button k-button--green" aria-disabled={save.isPending || undefined}>
            {t('memberInfo.saveDraft')}
          </button>
          <button type="button" className="k-button k-button--secondary" onClick={onCancel}>
            {t('memberInfo.stopEditing')}
          </button>
        </div>
      </section>
    </form>
  );
}
