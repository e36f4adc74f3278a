import { describe, expect, it } from 'vitest';
import { apiErrorKey, formErrorsFromApiError } from './form-errors';

describe('API error → form errors', () => {
  it('maps the summary key, params and the first error per field', () => {
    const error = {
      data: {
        messageKey: 'validation.failed',
        fieldErrors: [
          { path: 'password', messageKey: 'password.tooShort', messageParams: { min: 8 } },
          { path: 'password', messageKey: 'password.needsDigit' },
          { path: 'loginId', messageKey: 'auth.loginIdRequired' },
        ],
      },
    };
    expect(formErrorsFromApiError(error)).toEqual({
      summary: { key: 'validation.failed' },
      fields: {
        password: { key: 'password.tooShort', params: { min: 8 } },
        loginId: { key: 'auth.loginIdRequired' },
      },
    });
  });

  it('keeps message params for the summary', () => {
    const error = { data: { messageKey: 'auth.throttled', messageParams: { minutes: 15 } } };
    expect(formErrorsFromApiError(error).summary).toEqual({ key: 'auth.throttled', params: { minutes: 15 } });
    expect(apiErrorKey(error)).toBe('auth.throttled');
  });

  it('treats an error without API data as a network failure', () => {
    expect(formErrorsFromApiError(new TypeError('Failed to fetch')).summary).toEqual({ key: 'common.network' });
    expect(apiErrorKey(new Error('x'))).toBeNull();
  });
});
