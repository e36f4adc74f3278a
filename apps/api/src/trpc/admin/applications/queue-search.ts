import { ISSUED_LOGIN_ID_PATTERN, hiraganaToKatakana, normaliseCorporateNumberInput, normaliseLoginId } from '@kyogikai/domain';

/**
 * What a staff member typed in the queue's search box, read as the one thing it can be (issue 6):
 * a 受付番号 (e.g. KAIGO-2026-000042) or a 法人番号 (13 digits, hyphens and full-width digits
 * allowed) or an issued ユーザーID (U and 8 digits) is matched exactly; anything else is part of a
 * corporation name in kanji or kana (hiragana finds the katakana フリガナ), or an exact ユーザーID
 * the user chose. Exact kinds go straight to their unique indexes.
 */
export type TQueueSearch =
  | { kind: 'referenceNumber'; referenceNumber: string }
  | { kind: 'corporateNumber'; corporateNumber: string }
  | { kind: 'loginId'; loginId: string }
  | { kind: 'nameOrLoginId'; namePattern: string; kanaPattern: string; loginId: string };

const REFERENCE_NUMBER = /^[a-z][a-z0-9-]*-[0-9]{4}-[0-9]{6}$/i;

/** `%text%` for LIKE/ILIKE with the text's own %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `q` is already width-normalised and trimmed by the input schema; empty means no search. */
export function parseQueueSearch(q: string | undefined): TQueueSearch | null {
  if (!q) return null;
  if (REFERENCE_NUMBER.test(q)) return { kind: 'referenceNumber', referenceNumber: q.toUpperCase() };
  const digits = normaliseCorporateNumberInput(q);
  if (/^[0-9]{13}$/.test(digits)) return { kind: 'corporateNumber', corporateNumber: digits };
  const loginId = normaliseLoginId(q);
  if (ISSUED_LOGIN_ID_PATTERN.test(loginId)) return { kind: 'loginId', loginId };
  return { kind: 'nameOrLoginId', namePattern: containsPattern(q), kanaPattern: containsPattern(hiraganaToKatakana(q)), loginId };
}
