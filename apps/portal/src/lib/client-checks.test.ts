import { ZOrganisationDraft, ZProvisionalAccountRequest } from '@kyogikai/domain';
import { describe, expect, it } from 'vitest';
import { formErrorsFromIssues, withoutPathPrefix } from './client-checks';

const complete = {
  corporateName: '社会福祉法人さくら会',
  contactName: '佐藤 花子',
  email: 'sato@example.jp',
  emailConfirmation: 'sato@example.jp',
  phone: '03-1234-5678',
  password: 'sakura2026',
  passwordConfirmation: 'sakura2026',
  consents: { 'privacy-policy': '2021.5', charter: '2021.5', 'membership-rules': '2021.5' },
};

describe('A1-A3/B2 checks before sending use the API’s own schemas and keys', () => {
  it('A2/A3 names each field with the server’s key; the password rule gets its minimum', () => {
    const result = ZProvisionalAccountRequest.safeParse({
      ...complete,
      corporateName: '',
      password: 'short1',
      passwordConfirmation: 'short1',
      consents: { ...complete.consents, charter: '' },
    });
    expect(result.success).toBe(false);
    const errors = formErrorsFromIssues(result.error?.issues ?? []);
    expect(errors.summary).toEqual({ key: 'validation.failed' });
    expect(errors.fields).toEqual({
      corporateName: { key: 'validation.required' },
      password: { key: 'password.tooShort', params: { min: 8 } },
      'consents.charter': { key: 'account.consentRequired' },
    });
  });

  it('A1 a complete request has no errors', () => {
    expect(ZProvisionalAccountRequest.safeParse(complete).success).toBe(true);
  });

  it('B2/B3 一時保存: empty fields pass, a wrong 法人番号 or non-katakana フリガナ is named', () => {
    expect(ZOrganisationDraft.safeParse({ corporateName: '', postalCode: '' }).success).toBe(true);
    const result = ZOrganisationDraft.safeParse({ corporateNumber: '1234567890123', corporateNameKana: 'さくら会' });
    expect(formErrorsFromIssues(result.error?.issues ?? []).fields).toEqual({
      corporateNumber: { key: 'organisation.corporateNumberInvalid' },
      corporateNameKana: { key: 'organisation.kanaOnly' },
    });
  });

  it('server paths nested under the input (values.postalCode) map to the form’s fields', () => {
    const errors = withoutPathPrefix(
      { summary: { key: 'validation.failed' }, fields: { 'values.postalCode': { key: 'organisation.postalCodeInvalid' } } },
      'values.',
    );
    expect(errors.fields).toEqual({ postalCode: { key: 'organisation.postalCodeInvalid' } });
  });
});
