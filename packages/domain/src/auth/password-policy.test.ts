import { describe, expect, it } from 'vitest';
import { passwordIssues, ZPassword } from './password-policy';

describe('A2 password rule', () => {
  it('A2 accepts 8+ characters with a letter and a digit', () => {
    expect(ZPassword.safeParse('abcdefg1').success).toBe(true);
    expect(passwordIssues('パスワード2026ab')).toEqual([]);
  });
  it('A2 refuses fewer than 8 characters', () => {
    expect(passwordIssues('abc1')).toEqual(['password.tooShort']);
  });
  it('A2 refuses a password without a digit', () => {
    expect(passwordIssues('abcdefgh')).toEqual(['password.needsDigit']);
  });
  it('A2 refuses a password without a letter', () => {
    expect(passwordIssues('12345678')).toEqual(['password.needsLetter']);
  });
  it('A2 reports every broken rule at once', () => {
    expect(passwordIssues('')).toEqual(['password.tooShort', 'password.needsLetter', 'password.needsDigit']);
  });
});
