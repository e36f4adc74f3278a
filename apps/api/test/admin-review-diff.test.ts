import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  diffSnapshots,
  type TRegisteredSnapshot,
  type TSnapshotDocument,
  type TSnapshotEstablishment,
  type TSnapshotWorker,
} from '../src/application/registered-snapshot';

const organisation = Object.fromEntries(
  [
    'corporateName',
    'corporateNameKana',
    'corporateNumber',
    'postalCode',
    'prefecture',
    'city',
    'town',
    'building',
    'representativeTitle',
    'representativeName',
    'phone',
    'contactName',
    'contactDepartment',
    'contactEmail',
    'contactPhone',
  ].map((field) => [field, `${field} value`]),
) as unknown as TRegisteredSnapshot['organisation'];

const establishment = (name: string, extra: Record<string, string | null> = {}): TSnapshotEstablishment => ({
  id: randomUUID(),
  name,
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座1-2-3',
  building: null,
  phone: '03-1234-5678',
  extra,
});
const worker = (nameLatin: string, establishmentIds: string[]): TSnapshotWorker => ({
  id: randomUUID(),
  nameLatin,
  nationality: 'PH',
  nameKana: null,
  extra: {},
  establishmentIds,
});
const document = (workerId: string | null, documentKey: string, fileName = `${documentKey}.pdf`): TSnapshotDocument => ({
  id: randomUUID(),
  scope: workerId ? 'worker' : 'organisation',
  workerId,
  establishmentId: null,
  documentKey,
  customName: documentKey === 'other' ? 'その他' : null,
  fileName,
  byteSize: 1000,
  sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'),
  contentType: 'application/pdf',
  uploadedAt: '2026-11-27T00:00:00.000Z',
});

describe('C1 changes since a return (issue 6): the registered data as returned against the resubmitted data', () => {
  const honmachi = establishment('さくら苑', { serviceType: 'nursing-home' });
  const santos = worker('MARIA SANTOS', [honmachi.id]);
  const card = document(santos.id, 'residence-card');
  const contract = document(santos.id, 'employment-conditions');
  const returned: TRegisteredSnapshot = {
    version: 1,
    organisation: { ...organisation, directoryOptIn: false },
    establishments: [honmachi],
    workers: [santos],
    documents: [card, contract],
  };

  it('C1 nothing changed: empty', () => {
    expect(diffSnapshots(returned, structuredClone(returned))).toEqual({
      organisation: [],
      establishments: [],
      workers: [],
      documents: [],
      isEmpty: true,
    });
  });

  it('C1 field by field: STEP1 fields, council fields by key, establishment links; records added and removed', () => {
    const umeda = establishment('デイサービス梅田');
    const nguyen = worker('NGUYEN VAN AN', [umeda.id]);
    const current: TRegisteredSnapshot = {
      ...returned,
      organisation: { ...returned.organisation, representativeName: '山田 太郎', directoryOptIn: true },
      establishments: [{ ...honmachi, extra: { serviceType: 'day-care' } }, umeda],
      workers: [{ ...santos, establishmentIds: [honmachi.id, umeda.id] }, nguyen],
    };
    const diff = diffSnapshots(returned, current);
    expect(diff.isEmpty).toBe(false);
    expect(diff.organisation).toEqual([
      { field: 'representativeName', before: 'representativeName value', after: '山田 太郎' },
      { field: 'directoryOptIn', before: false, after: true },
    ]);
    expect(diff.establishments).toEqual([
      {
        kind: 'changed',
        id: honmachi.id,
        before: honmachi,
        after: current.establishments[0],
        fields: [{ field: 'extra.serviceType', before: 'nursing-home', after: 'day-care' }],
      },
      { kind: 'added', id: umeda.id, after: umeda },
    ]);
    expect(diff.workers).toMatchObject([
      { kind: 'changed', id: santos.id, fields: [{ field: 'establishmentIds', before: [honmachi.id], after: [honmachi.id, umeda.id] }] },
      { kind: 'added', id: nguyen.id },
    ]);
    const removed = diffSnapshots(current, returned);
    expect(removed.establishments).toContainEqual({ kind: 'removed', id: umeda.id, before: umeda });
    expect(removed.workers).toContainEqual({ kind: 'removed', id: nguyen.id, before: nguyen });
  });

  it('C1 documents per slot: a new file in a slot is replaced, a new slot added, an emptied slot removed; other documents by row', () => {
    const newCard = document(santos.id, 'residence-card', '在留カード表裏.pdf');
    const other = document(null, 'other');
    const diff = diffSnapshots(returned, { ...returned, documents: [newCard, other] });
    expect(diff.documents).toEqual([
      { kind: 'replaced', before: card, after: newCard },
      { kind: 'added', after: other },
      { kind: 'removed', before: contract },
    ]);
    // The order of the same slots does not matter.
    expect(diffSnapshots(returned, { ...returned, documents: [contract, card] }).documents).toEqual([]);
  });
});
