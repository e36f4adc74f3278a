import { ErrorSummary, hasFormErrors, Notice, TextField, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectFieldErrors } from '../../lib/client-checks';
import { normaliseEmailInput } from '../../lib/input-normalisers';

interface EmailRequestFormProps {
  /** Prefix for element ids (a page may hold only one such form). */
  idPrefix: string;
  submitLabel: string;
  /** Sends the request; the API answers the same whether or not the address is known. */
  send: (email: string) => Promise<unknown>;
  /** Shown after a successful send; omit when the caller moves to another page instead. */
  sentMessage?: string;
  onSent?: (email: string) => void;
  initialEmail?: string;
}

/** 「メールアドレス」 and one button: resend the activation mail, request a password reset. */
export function EmailRequestForm({ idPrefix, submitLabel, send, sentMessage, onSent, initialEmail = '' }: EmailRequestFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail);
  const [isSending, setIsSending] = useState(false);
  const [hasSent, setHasSent] = useState(false);
  const fields = useMemo(() => ({ email: { id: `${idPrefix}-email`, label: t('labels.email') } }), [idPrefix, t]);
  const form = useFormErrors(fields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSending) return;
    const value = normaliseEmailInput(email);
    setEmail(value);
    const missing = collectFieldErrors({ email: value ? null : { key: 'validation.required' } });
    if (hasFormErrors(missing)) {
      form.showErrors(missing);
      return;
    }
    setIsSending(true);
    setHasSent(false);
    try {
      await send(value);
      form.clear();
      setHasSent(true);
      onSent?.(value);
    } catch (error) {
      form.showApiError(error);
    } finally {
      setIsSending(false);
    }
  }

  return (
    <>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      {hasSent && sentMessage ? <Notice tone="success">{sentMessage}</Notice> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={fields.email.id}
          name="email"
          type="email"
          label={fields.email.label}
          value={email}
          onValueChange={setEmail}
          onBlur={() => setEmail((current) => normaliseEmailInput(current))}
          error={form.fieldError('email')}
          isRequired
          autoComplete="email"
          spellCheck={false}
        />
        <button type="submit" className="k-button" aria-disabled={isSending || undefined}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
