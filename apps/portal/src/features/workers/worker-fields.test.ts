import { describe, expect, it } from 'vitest';
import { checkWorkerInput } from './worker-fields';
import { EMPTY_WORKER } from './worker-values';

const ESTABLISHMENT = '8f1c2b4e-5d6a-4b7c-9e8f-0a1b2c3d4e5f';
const SERVICE_TYPE = { key: 'skillLevel', labelJa: '技能水準', labelEn: 'Skill level', type: 'text' as const, required: true };

describe('B4b D2 worker fields: one check for STEP2 and 「特定技能外国人の追加」', () => {
  it('normalises as the API stores and gives the input to send', () => {
    const checked = checkWorkerInput(
      { ...EMPTY_WORKER, nameLatin: ' nguyen  van an ', nationality: 'vn', nameKana: 'ぐえん' },
      [ESTABLISHMENT],
      [],
    );
    expect(checked.errors).toBeNull();
    expect(checked.normalised.nameLatin).toBe('NGUYEN VAN AN');
    expect(checked.normalised.nameKana).toBe('グエン');
    expect(checked.input).toEqual({
      nameLatin: 'NGUYEN VAN AN',
      nationality: 'vn',
      nameKana: 'グエン',
      extra: {},
      establishmentIds: [ESTABLISHMENT],
    });
  });

  it('names every missing field with the message key the API would send, the council fields included', () => {
    const checked = checkWorkerInput(EMPTY_WORKER, [], [SERVICE_TYPE]);
    expect(checked.input).toBeNull();
    expect(checked.errors?.summary).toEqual({ key: 'validation.failed' });
    expect(Object.keys(checked.errors?.fields ?? {}).sort()).toEqual(['establishmentIds', 'extra.skillLevel', 'nameLatin', 'nationality']);
    expect(checked.errors?.fields.establishmentIds).toEqual({ key: 'worker.establishmentRequired' });
  });

  it('an empty 氏名（カタカナ） is sent as null (optional)', () => {
    const checked = checkWorkerInput({ ...EMPTY_WORKER, nameLatin: 'TRAN THI BINH', nationality: 'VN' }, [ESTABLISHMENT], []);
    expect(checked.input?.nameKana).toBeNull();
  });
});
