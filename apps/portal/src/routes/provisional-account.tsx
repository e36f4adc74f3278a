import { normalisePhone, type TConsentDocumentKey, ZProvisionalAccountRequest } from '@kyogikai/domain';
import { apiErrorKey, ErrorSummary, Notice, PageHeading, TextField, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConsentDocument } from '../features/account/consent-document';
import { Loading } from '../features/session/require-signed-in';
import { NewPasswordFields } from '../features/account/new-password-field';
import { formErrorsFromIssues } from '../lib/client-checks';
import { normaliseEmailInput } from '../lib/input-normalisers';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

const TEXT_FIELDS = ['corporateName', 'contactName', 'email', 'emailConfirmation', 'phone', 'password', 'passwordConfirmation'] as const;
type TTextField = (typeof TEXT_FIELDS)[number];
type TValues = Record<TTextField, string>;
const EMPTY: TValues = {
  corporateName: '',
  contactName: '',
  email: '',
  emailConfirmation: '',
  phone: '',
  password: '',
  passwordConfirmation: '',
};

/**
 * SPEC A1-A4, manual p.3: 「入会申請のための仮アカウント発行申請」. The three consent documents are
 * readable on the page, each with its own checkbox; what is sent for each is the version the
 * user saw and ticked, so a document updated meanwhile is refused (account.consentOutdated) and
 * its box unticks itself once the new text is shown.
 */
export function ProvisionalAccountPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const documents = trpc.tenant.consentDocuments.useQuery(undefined, { staleTime: 5 * 60_000 });
  const request = trpc.account.requestProvisional.useMutation();
  const [values, setValues] = useState<TValues>(EMPTY);
  /** The version of each document the user ticked ('' = not ticked). */
  const [ticked, setTicked] = useState<Partial<Record<TConsentDocumentKey, string>>>({});
  const isEnglish = i18n.language === 'en';
  useDocumentTitle(t('provisional.title'), useTenantName());

  const fields = useMemo(() => {
    const result: Record<string, { id: string; label: string }> = {
      corporateName: { id: 'corporateName', label: t('labels.corporateName') },
      contactName: { id: 'contactName', label: t('labels.contactName') },
      email: { id: 'email', label: t('labels.email') },
      emailConfirmation: { id: 'emailConfirmation', label: t('labels.emailConfirmation') },
      phone: { id: 'phone', label: t('labels.phone') },
      password: { id: 'password', label: t('labels.password') },
      passwordConfirmation: { id: 'passwordConfirmation', label: t('labels.passwordConfirmation') },
    };
    for (const doc of documents.data ?? []) {
      result[`consents.${doc.key}`] = {
        id: `consent-${doc.key}`,
        label: t('provisional.agree', { title: isEnglish ? doc.titleEn : doc.titleJa }),
      };
    }
    return result;
  }, [t, documents.data, isEnglish]);
  const form = useFormErrors(fields);

  const set = (name: TTextField) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const normaliseOnBlur = (name: TTextField, normalise: (value: string) => string) => () =>
    setValues((current) => ({ ...current, [name]: normalise(current[name]) }));

  function consentsToSend(): Record<TConsentDocumentKey, string> {
    const result = { 'privacy-policy': '', charter: '', 'membership-rules': '' } as Record<TConsentDocumentKey, string>;
    for (const doc of documents.data ?? []) result[doc.key] = ticked[doc.key] === doc.version ? doc.version : '';
    return result;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    const typed: TValues = {
      ...values,
      email: normaliseEmailInput(values.email),
      emailConfirmation: normaliseEmailInput(values.emailConfirmation),
      phone: normalisePhone(values.phone),
    };
    setValues(typed);
    const consents = consentsToSend();
    // The API's own schema (SPEC A2: one password rule on both sides), checked before sending.
    const check = ZProvisionalAccountRequest.safeParse({ ...typed, consents });
    if (!check.success) {
      form.showErrors(formErrorsFromIssues(check.error.issues));
      return;
    }
    try {
      await request.mutateAsync({ ...typed, consents });
      form.clear();
      void navigate('/account/new/sent', { state: { email: typed.email } });
    } catch (error) {
      // A document changed while the page was open: show the new text; its box unticks itself.
      if (apiErrorKey(error) === 'account.consentOutdated') void documents.refetch();
      form.showApiError(error);
    }
  }

  return (
    <>
      <PageHeading>{t('provisional.title')}</PageHeading>
      <p className="k-lead">{t('provisional.lead')}</p>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <section className="k-card" aria-labelledby="applicant-heading">
          <h2 id="applicant-heading" className="k-card__title">
            {t('provisional.applicantHeading')}
          </h2>
          <TextField
            id="corporateName"
            name="corporateName"
            label={fields.corporateName?.label ?? ''}
            value={values.corporateName}
            onValueChange={set('corporateName')}
            error={form.fieldError('corporateName')}
            isRequired
            autoComplete="organization"
          />
          <TextField
            id="contactName"
            name="contactName"
            label={fields.contactName?.label ?? ''}
            value={values.contactName}
            onValueChange={set('contactName')}
            error={form.fieldError('contactName')}
            isRequired
            autoComplete="name"
          />
          <TextField
            id="email"
            name="email"
            type="email"
            label={fields.email?.label ?? ''}
            hint={t('provisional.emailHint')}
            value={values.email}
            onValueChange={set('email')}
            onBlur={normaliseOnBlur('email', normaliseEmailInput)}
            error={form.fieldError('email')}
            isRequired
            autoComplete="email"
            spellCheck={false}
          />
          <TextField
            id="emailConfirmation"
            name="emailConfirmation"
            type="email"
            label={fields.emailConfirmation?.label ?? ''}
            value={values.emailConfirmation}
            onValueChange={set('emailConfirmation')}
            onBlur={normaliseOnBlur('emailConfirmation', normaliseEmailInput)}
            error={form.fieldError('emailConfirmation')}
            isRequired
            autoComplete="email"
            spellCheck={false}
          />
          <TextField
            id="phone"
            name="phone"
            type="tel"
            label={fields.phone?.label ?? ''}
            hint={t('provisional.phoneHint')}
            value={values.phone}
            onValueChange={set('phone')}
            onBlur={normaliseOnBlur('phone', normalisePhone)}
            error={form.fieldError('phone')}
            isRequired
            autoComplete="tel"
          />
        </section>

        <section className="k-card" aria-labelledby="password-heading">
          <h2 id="password-heading" className="k-card__title">
            {t('provisional.passwordHeading')}
          </h2>
          <NewPasswordFields
            fields={{
              password: { id: 'password', label: fields.password?.label ?? '' },
              passwordConfirmation: { id: 'passwordConfirmation', label: fields.passwordConfirmation?.label ?? '' },
            }}
            values={values}
            onValueChange={(name, value) => set(name)(value)}
            fieldError={form.fieldError}
          />
        </section>

        <section className="k-card" aria-labelledby="consent-heading">
          <h2 id="consent-heading" className="k-card__title">
            {t('provisional.consentHeading')}
          </h2>
          <p>{t('provisional.consentLead')}</p>
          {isEnglish ? <p>{t('provisional.documentsInJapanese')}</p> : null}
          {documents.isPending ? <Loading /> : null}
          {documents.isError ? <Notice>{t('provisional.documentsFailed')}</Notice> : null}
          {(documents.data ?? []).map((doc) => (
            <ConsentDocument
              key={doc.key}
              doc={doc}
              tickedVersion={ticked[doc.key] ?? ''}
              onTickedVersionChange={(version) => setTicked((current) => ({ ...current, [doc.key]: version }))}
              error={form.fieldError(`consents.${doc.key}`)}
            />
          ))}
        </section>

        <div className="k-form-actions">
          <button type="submit" className="k-button" aria-disabled={request.isPending || undefined}>
            {t('provisional.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
