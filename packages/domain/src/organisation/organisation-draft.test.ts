import { describe, expect, it } from 'vitest';
import {
  checkOrganisationDraftEditable,
  missingOrganisationFields,
  ORGANISATION_TEXT_FIELDS,
  ZOrganisationComplete,
  ZOrganisationDraft,
} from './organisation-draft';

const complete = {
  corporateName: '社会福祉法人さくら会',
  corporateNameKana: 'シャカイフクシホウジンサクラカイ',
  corporateNumber: '7000012050002',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  building: '',
  representativeTitle: '理事長',
  representativeName: '山田 太郎',
  phone: '03-1234-5678',
  contactName: '佐藤 花子',
  contactDepartment: '',
  contactEmail: 'hanako@example.jp',
  contactPhone: '090-1234-5678',
  directoryOptIn: true,
};

const issuesOf = (input: unknown) => {
  const result = ZOrganisationDraft.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('B3 STEP1 draft (一時保存) schema', () => {
  it('B3 accepts an empty draft and a draft with only some fields', () => {
    expect(ZOrganisationDraft.parse({})).toEqual({});
    expect(ZOrganisationDraft.parse({ corporateName: '株式会社ＡＢＣ', city: '' })).toEqual({ corporateName: '株式会社ABC', city: null });
  });

  it('B3 blank and null clear a field; absent leaves it out (unchanged)', () => {
    expect(ZOrganisationDraft.parse({ phone: '   ', contactEmail: null })).toEqual({ phone: null, contactEmail: null });
  });

  it('B2 normalises full-width and half-width input as Japanese users expect', () => {
    expect(
      ZOrganisationDraft.parse({
        corporateNameKana: 'しゃかいふくしほうじん　ｻｸﾗｶｲ',
        corporateNumber: '７０００－０１２０－５０００２',
        postalCode: '１０４－００６１',
        phone: '０３（１２３４）５６７８',
        contactEmail: 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ',
      }),
    ).toEqual({
      corporateNameKana: 'シャカイフクシホウジン サクラカイ',
      corporateNumber: '7000012050002',
      postalCode: '1040061',
      phone: '03-1234-5678',
      contactEmail: 'hanako@example.jp',
    });
  });

  it('B2 a value that is there but wrong gets the field’s message key', () => {
    expect(
      issuesOf({
        corporateNumber: '1234567890123',
        postalCode: '104-006',
        corporateNameKana: '桜会',
        phone: '03-1234',
        contactEmail: 'not-an-email',
        contactPhone: 'abc',
      }),
    ).toEqual([
      { path: 'corporateNameKana', message: 'organisation.kanaOnly' },
      { path: 'corporateNumber', message: 'organisation.corporateNumberInvalid' },
      { path: 'postalCode', message: 'organisation.postalCodeInvalid' },
      { path: 'phone', message: 'validation.phone' },
      { path: 'contactEmail', message: 'validation.email' },
      { path: 'contactPhone', message: 'validation.phone' },
    ]);
  });

  it('refuses over-long values and unknown fields', () => {
    expect(issuesOf({ corporateName: 'あ'.repeat(201) })).toEqual([{ path: 'corporateName', message: expect.any(String) }]);
    expect(ZOrganisationDraft.safeParse({ corporateName: 'x', membershipState: 'active' }).success).toBe(false);
  });
});

describe('B2 STEP1 completeness for submission', () => {
  it('B2 a complete STEP1 has nothing missing', () => {
    expect(missingOrganisationFields(complete, { corporateNumberRequired: true })).toEqual([]);
    expect(ZOrganisationComplete.safeParse(complete).success).toBe(true);
  });

  it('B2 lists missing fields in form order; building and department are optional', () => {
    expect(missingOrganisationFields({ corporateName: 'さくら会' }, { corporateNumberRequired: true })).toEqual(
      ORGANISATION_TEXT_FIELDS.filter((f) => !['corporateName', 'building', 'contactDepartment'].includes(f)),
    );
    expect(missingOrganisationFields({ ...complete, city: null, contactPhone: '  ' }, { corporateNumberRequired: true })).toEqual([
      'city',
      'contactPhone',
    ]);
  });

  it('B2 法人番号 is required only where the tenant requires it, but must be valid when given', () => {
    const withoutNumber = { ...complete, corporateNumber: null };
    expect(missingOrganisationFields(withoutNumber, { corporateNumberRequired: true })).toEqual(['corporateNumber']);
    expect(missingOrganisationFields(withoutNumber, { corporateNumberRequired: false })).toEqual([]);
    expect(missingOrganisationFields({ ...complete, corporateNumber: '1000012050002' }, { corporateNumberRequired: false })).toEqual([
      'corporateNumber',
    ]);
  });

  it('B2 a stored value that is not valid counts as missing', () => {
    expect(missingOrganisationFields({ ...complete, contactEmail: 'broken' }, { corporateNumberRequired: true })).toEqual(['contactEmail']);
  });

  it('ignores extra keys such as the rest of an organisation row', () => {
    expect(missingOrganisationFields({ ...complete, id: 'x', version: 3 } as typeof complete, { corporateNumberRequired: true })).toEqual(
      [],
    );
  });
});

describe('B3/C1 when STEP1 may be edited directly', () => {
  it('C1 before joining: while the application in progress is draft or returned, or none is in progress', () => {
    expect(checkOrganisationDraftEditable('none', 'draft')).toEqual({ ok: true });
    expect(checkOrganisationDraftEditable('none', 'returned')).toEqual({ ok: true });
    expect(checkOrganisationDraftEditable('none', null)).toEqual({ ok: true });
    for (const state of ['submitted', 'under_review', 'resubmitted', 'forwarded'] as const) {
      expect(checkOrganisationDraftEditable('none', state)).toEqual({ ok: false, messageKey: 'application.lockedUnderReview' });
    }
  });

  it('D after joining changes go through a change request; after withdrawal nothing is editable', () => {
    expect(checkOrganisationDraftEditable('active', null)).toEqual({ ok: false, messageKey: 'organisation.changeRequestRequired' });
    expect(checkOrganisationDraftEditable('withdrawn', null)).toEqual({ ok: false, messageKey: 'membership.notActive' });
  });
});
