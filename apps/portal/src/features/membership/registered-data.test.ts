import { describe, expect, it } from 'vitest';
import { changeLabel, summariseChanges } from './member-info-changes';
import { isItemEditable, itemState } from './registered-data';

const pending = (state: 'draft' | 'submitted' | 'under_review') => ({
  itemId: '2b1c2b4e-5d6a-4b7c-9e8f-0a1b2c3d4e5f',
  changeRequestId: '3c1c2b4e-5d6a-4b7c-9e8f-0a1b2c3d4e5f',
  state,
  changes: [],
});

describe('D2 D3 D4 where a worker or establishment stands after joining', () => {
  it('tells a registered item, an addition and a waiting change apart, draft or submitted', () => {
    expect(itemState({ status: 'registered', pending: null })).toBe('registered');
    expect(itemState({ status: 'adding', pending: pending('draft') })).toBe('addingDraft');
    expect(itemState({ status: 'adding', pending: pending('submitted') })).toBe('adding');
    expect(itemState({ status: 'registered', pending: pending('draft') })).toBe('changeDraft');
    expect(itemState({ status: 'registered', pending: pending('under_review') })).toBe('changePending');
  });

  it('lets the member change an item only while nothing of it waits for the secretariat', () => {
    expect(isItemEditable({ pending: null })).toBe(true);
    expect(isItemEditable({ pending: pending('draft') })).toBe(true);
    expect(isItemEditable({ pending: pending('submitted') })).toBe(false);
  });
});

describe('D6 the draft names whose field changed', () => {
  const portalLabel = (field: string) => `portal:${field}`;
  const workerChange = {
    field: 'nameLatin',
    entityType: 'worker',
    subject: 'NGUYEN VAN AN',
    label: '氏名（ローマ字）',
    labelEn: 'Name (Latin letters)',
    before: '',
    after: 'NGUYEN VAN AN',
  };

  it('◆会員情報 fields keep the portal labels; a worker field says whose it is, in the language shown', () => {
    expect(
      changeLabel(
        { field: 'corporateName', entityType: 'organisation', subject: '', label: '法人名', before: 'a', after: 'b' },
        portalLabel,
        'ja',
      ),
    ).toBe('portal:corporateName');
    expect(changeLabel(workerChange, portalLabel, 'ja')).toBe('NGUYEN VAN AN：氏名（ローマ字）');
    expect(changeLabel(workerChange, portalLabel, 'en')).toBe('NGUYEN VAN AN：Name (Latin letters)');
  });

  it('prefills 変更内容 with one line per change', () => {
    const text = summariseChanges([workerChange], (change) => changeLabel(change, portalLabel, 'ja'), '（未入力）');
    expect(text).toBe('NGUYEN VAN AN：氏名（ローマ字）：（未入力） → NGUYEN VAN AN');
  });
});
