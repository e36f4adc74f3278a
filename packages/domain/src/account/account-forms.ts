import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, ZPassword } from '../auth/password-policy';
import { isPhoneNumber, normalisePhone, normaliseText, normaliseWidth } from '../input/japanese-input';
import { CONSENT_DOCUMENT_KEYS, type TConsentDocumentKey } from '../tenant/tenant-config';

/**
 * The account forms of the portal (SPEC A1-A5, G4), shared by the portal (checked before the user
 * submits) and the API (checked again at the edge), so the two can never disagree. Issues carry
 * message keys; the clients translate them.
 */

/** What an emailed link is for; each purpose has its own tokens (ADR 016). */
export const ACCOUNT_LINK_PURPOSES = ['activation', 'password_reset'] as const;
export const ZAccountLinkPurpose = z.enum(ACCOUNT_LINK_PURPOSES);
export type TAccountLinkPurpose = z.infer<typeof ZAccountLinkPurpose>;

/** The ユーザーID the platform issues: 'U' and 8 digits (no letters that look like digits). */
export const ISSUED_LOGIN_ID_PATTERN = /^U[0-9]{8}$/;

/**
 * A ユーザーID as typed: full-width characters made half-width, trimmed; an issued ID typed in
 * lower case ('u12345678') is accepted as its upper-case self.
 */
export function normaliseLoginId(value: string): string {
  const result = normaliseWidth(value).trim();
  return /^u[0-9]{8}$/.test(result) ? result.toUpperCase() : result;
}

export const ZLoginId = z
  .string()
  .max(200)
  .transform(normaliseLoginId)
  .pipe(z.string().min(1, { message: 'auth.loginIdRequired' }).max(64));

const rawInput = z.string().max(2000);

/** An email address as typed: full-width characters made half-width, trimmed, then checked. */
export const ZEmailAddress = rawInput
  .transform((value) => normaliseWidth(value).trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'validation.required' })
      .max(254)
      .pipe(z.email({ message: 'validation.email' })),
  );

const requiredText = (max: number) =>
  rawInput.transform(normaliseText).pipe(z.string().min(1, { message: 'validation.required' }).max(max));

export const ZPhoneNumber = rawInput
  .transform(normalisePhone)
  .pipe(z.string().min(1, { message: 'validation.required' }).max(30).refine(isPhoneNumber, { message: 'validation.phone' }));

/**
 * The version of each consent document the user read and ticked (SPEC A3); an empty string means
 * the box was not ticked. Whether the version is the current one is checked by the API against
 * the tenant's configuration (`account.consentOutdated`).
 */
export const ZConsentVersion = z
  .string()
  .max(40)
  .refine((value) => value.trim() !== '', { message: 'account.consentRequired' });
export const ZConsentVersions = z.strictObject(
  Object.fromEntries(CONSENT_DOCUMENT_KEYS.map((key) => [key, ZConsentVersion])) as Record<TConsentDocumentKey, typeof ZConsentVersion>,
);
export type TConsentVersions = z.infer<typeof ZConsentVersions>;

/** Runs even when other fields failed, so every problem is shown at once. */
const always = { when: () => true };

function sameText(a: unknown, b: unknown, ignoreCase = false): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** 「入会申請のための仮アカウント発行申請」 (SPEC A1-A3). */
export const ZProvisionalAccountRequest = z
  .strictObject({
    corporateName: requiredText(200),
    contactName: requiredText(100),
    email: ZEmailAddress,
    emailConfirmation: rawInput.transform((value) => normaliseWidth(value).trim()),
    phone: ZPhoneNumber,
    password: ZPassword,
    passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH + 1),
    consents: ZConsentVersions,
  })
  .superRefine((value, ctx) => {
    if (!sameText(value.emailConfirmation, value.email, true)) {
      ctx.addIssue({ code: 'custom', path: ['emailConfirmation'], message: 'account.emailMismatch' });
    }
    if (!sameText(value.passwordConfirmation, value.password)) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'account.passwordMismatch' });
    }
  }, always);
export type TProvisionalAccountRequestInput = z.input<typeof ZProvisionalAccountRequest>;
export type TProvisionalAccountRequest = z.output<typeof ZProvisionalAccountRequest>;

/** The token of an emailed link, as the page read it from `?token=`. */
/** Not length-checked beyond a bound: a garbled link is simply not found (`account.linkInvalid`). */
export const ZAccountLinkToken = z.string().trim().min(1, { message: 'account.linkInvalid' }).max(4000);

/** Setting a new password from a reset link (SPEC G4). */
export const ZPasswordResetForm = z
  .strictObject({
    token: ZAccountLinkToken,
    password: ZPassword,
    passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH + 1),
  })
  .superRefine((value, ctx) => {
    if (!sameText(value.passwordConfirmation, value.password)) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'account.passwordMismatch' });
    }
  }, always);

/** Changing the password on マイページ (G4). */
export const ZPasswordChangeForm = z
  .strictObject({
    currentPassword: z.string().min(1, { message: 'auth.passwordRequired' }).max(PASSWORD_MAX_LENGTH),
    newPassword: ZPassword,
    newPasswordConfirmation: z.string().max(PASSWORD_MAX_LENGTH + 1),
  })
  .superRefine((value, ctx) => {
    if (!sameText(value.newPasswordConfirmation, value.newPassword)) {
      ctx.addIssue({ code: 'custom', path: ['newPasswordConfirmation'], message: 'account.passwordMismatch' });
    }
  }, always);
