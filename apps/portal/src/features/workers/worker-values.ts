import { normaliseKana, normaliseLatinName } from '@kyogikai/domain';

/** ◆特定技能外国人情報の入力 as the form holds it (every field a string). */
export interface WorkerFormValues {
  nameLatin: string;
  nationality: string;
  nameKana: string;
  extra: Record<string, string>;
}

export const EMPTY_WORKER: WorkerFormValues = { nameLatin: '', nationality: '', nameKana: '', extra: {} };

export function workerValuesFrom(worker: {
  nameLatin: string;
  nationality: string;
  nameKana: string | null;
  extra: Record<string, string>;
}): WorkerFormValues {
  return { nameLatin: worker.nameLatin, nationality: worker.nationality, nameKana: worker.nameKana ?? '', extra: { ...worker.extra } };
}

/** What the user sees after leaving a field is what the API stores (the domain's normalisers). */
export const WORKER_NORMALISE_ON_BLUR = {
  nameLatin: normaliseLatinName,
  nameKana: normaliseKana,
} as const;

export function sameWorkerValues(a: WorkerFormValues, b: WorkerFormValues): boolean {
  const extraKeys = new Set([...Object.keys(a.extra), ...Object.keys(b.extra)]);
  return (
    a.nameLatin === b.nameLatin &&
    a.nationality === b.nationality &&
    a.nameKana === b.nameKana &&
    [...extraKeys].every((key) => (a.extra[key] ?? '') === (b.extra[key] ?? ''))
  );
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
