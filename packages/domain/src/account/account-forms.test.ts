import { describe, expect, it } from 'vitest';
import { normaliseLoginId, ZPasswordChangeForm, ZPasswordResetForm, ZProvisionalAccountRequest } from './account-forms';

const valid = {
  corporateName: '社会福祉法人　さくら会',
  contactName: '佐藤 花子',
  email: 'Hanako@Example.jp',
  emailConfirmation: 'hanako@example.jp',
  phone: '０３－１２３４－５６７８',
  password: 'sakura2026',
  passwordConfirmation: 'sakura2026',
  consents: { 'privacy-policy': '2021.5', charter: '2021.5', 'membership-rules': '2021.5' },
};

const issuesOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
) => (schema.safeParse(input).error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);

describe('A1-A3 the provisional account request (one schema for portal and API)', () => {
  it('A1 accepts a complete request and normalises it', () => {
    expect(ZProvisionalAccountRequest.parse(valid)).toMatchObject({
      corporateName: '社会福祉法人 さくら会',
      email: 'Hanako@Example.jp',
      phone: '03-1234-5678',
    });
  });

  it('A2 the password rule applies, and the confirmation must match', () => {
    expect(issuesOf(ZProvisionalAccountRequest, { ...valid, password: 'short1', passwordConfirmation: 'short1' })).toEqual([
      'password: password.tooShort',
    ]);
    expect(issuesOf(ZProvisionalAccountRequest, { ...valid, password: 'abcdefgh', passwordConfirmation: 'abcdefgh' })).toEqual([
      'password: password.needsDigit',
    ]);
    expect(issuesOf(ZProvisionalAccountRequest, { ...valid, passwordConfirmation: 'sakura2027' })).toEqual([
      'passwordConfirmation: account.passwordMismatch',
    ]);
  });

  it('A1 the email must be entered twice the same (case aside)', () => {
    expect(issuesOf(ZProvisionalAccountRequest, { ...valid, emailConfirmation: 'hanako@example.com' })).toEqual([
      'emailConfirmation: account.emailMismatch',
    ]);
    expect(issuesOf(ZProvisionalAccountRequest, { ...valid, email: 'nope', emailConfirmation: 'nope' })).toEqual([
      'email: validation.email',
    ]);
  });

  it('A3 each consent must be ticked (an empty version means not ticked)', () => {
    expect(issuesOf(ZProvisionalAccountRequest, { ...valid, consents: { ...valid.consents, charter: '' } })).toEqual([
      'consents.charter: account.consentRequired',
    ]);
  });

  it('A1 reports every problem at once', () => {
    expect(
      issuesOf(ZProvisionalAccountRequest, {
        ...valid,
        corporateName: ' ',
        phone: '12',
        emailConfirmation: 'other@example.jp',
        passwordConfirmation: 'x',
      }),
    ).toEqual([
      'corporateName: validation.required',
      'phone: validation.phone',
      'emailConfirmation: account.emailMismatch',
      'passwordConfirmation: account.passwordMismatch',
    ]);
  });
});

describe('G4 password reset and change forms', () => {
  it('A2 both apply the password rule and the confirmation', () => {
    expect(issuesOf(ZPasswordResetForm, { token: 't', password: 'abc', passwordConfirmation: 'abd' })).toEqual([
      'password: password.tooShort',
      'password: password.needsDigit',
      'passwordConfirmation: account.passwordMismatch',
    ]);
    expect(
      issuesOf(ZPasswordChangeForm, { currentPassword: '', newPassword: 'newpass123', newPasswordConfirmation: 'newpass123' }),
    ).toEqual(['currentPassword: auth.passwordRequired']);
  });
});

describe('A5 ユーザーID as typed', () => {
  it('A5 full-width and lower-case forms of an issued ID are the ID', () => {
    expect(normaliseLoginId(' Ｕ１２３４５６７８ ')).toBe('U12345678');
    expect(normaliseLoginId('u12345678')).toBe('U12345678');
    expect(normaliseLoginId('applicant-abc')).toBe('applicant-abc');
  });
});
