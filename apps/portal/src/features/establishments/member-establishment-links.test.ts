import { describe, expect, it } from 'vitest';
import { portalEn } from '../../i18n/en';
import { portalJa } from '../../i18n/ja';
import { establishmentEditUnavailableKey } from './member-establishment-links';

const pending = (state: 'draft' | 'submitted' | 'under_review') => ({
  itemId: '2b1c2b4e-5d6a-4b7c-9e8f-0a1b2c3d4e5f',
  changeRequestId: '3c1c2b4e-5d6a-4b7c-9e8f-0a1b2c3d4e5f',
  state,
  changes: [],
});

/** A message key such as 'memberChanges.establishmentChangeWaiting' read from a catalogue. */
function messageOf(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

describe('D3 D4 「選択している事業所を修正」 on the worker screens after joining', () => {
  it('is offered for a registered establishment and for one whose addition or change is still a draft', () => {
    expect(establishmentEditUnavailableKey({ status: 'registered', pending: null })).toBeNull();
    expect(establishmentEditUnavailableKey({ status: 'registered', pending: pending('draft') })).toBeNull();
    expect(establishmentEditUnavailableKey({ status: 'adding', pending: pending('draft') })).toBeNull();
  });

  it('is not offered once the establishment’s own change or addition waits for the secretariat; the screen says which, in ja and en', () => {
    const change = establishmentEditUnavailableKey({ status: 'registered', pending: pending('submitted') });
    const reviewed = establishmentEditUnavailableKey({ status: 'registered', pending: pending('under_review') });
    const addition = establishmentEditUnavailableKey({ status: 'adding', pending: pending('submitted') });
    expect(change).toBe('memberChanges.establishmentChangeWaiting');
    expect(reviewed).toBe('memberChanges.establishmentChangeWaiting');
    expect(addition).toBe('memberChanges.establishmentAdditionWaiting');
    for (const key of [change, addition]) {
      expect(messageOf(portalJa, key ?? '')).toMatch(/審査/);
      expect(messageOf(portalEn, key ?? '')).toMatch(/review/);
    }
  });
});
