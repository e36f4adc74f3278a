/**
 * 法人番号 (corporate number): 13 digits, the first of which is a check digit over the other 12
 * (法人番号の指定等に関する省令 第2条): 9 − (Σ Pn × Qn mod 9), where Pn is the n-th of the 12 base
 * digits counted from the right and Qn is 1 when n is odd, 2 when n is even. The check digit is
 * therefore never 0. Pure and browser-safe: the portal checks as the user types, the API again.
 */
export const CORPORATE_NUMBER_LENGTH = 13;

/** The check digit for a 12-digit base number, or null if `base` is not 12 ASCII digits. */
export function corporateNumberCheckDigit(base: string): number | null {
  if (!/^[0-9]{12}$/.test(base)) return null;
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base.charCodeAt(12 - n) - 48;
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True for 13 ASCII digits whose first digit is the check digit of the other 12. */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^[0-9]{13}$/.test(value)) return false;
  return corporateNumberCheckDigit(value.slice(1)) === Number(value[0]);
}
