import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInReturningTo } from './return-path';

describe('G7 sign-in returns to the invitation link', () => {
  it('G7 keeps a path of this portal with its query', () => {
    expect(safeReturnPath('/accept-invitation?token=abc_DEF-1')).toBe('/accept-invitation?token=abc_DEF-1');
    expect(new URLSearchParams(signInReturningTo('/accept-invitation?token=a&b=c').split('?')[1]).get('next')).toBe(
      '/accept-invitation?token=a&b=c',
    );
  });

  it('G7 sends anything that could leave the portal to マイページ instead', () => {
    for (const next of [null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/a\nb']) {
      expect(safeReturnPath(next)).toBe('/');
    }
  });
});
