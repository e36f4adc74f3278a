import { normaliseNumberInput, normalisePostalCode, normaliseWidth } from '@kyogikai/domain';

/**
 * What the portal does to a field when the user leaves it: exactly what the API does on saving
 * (the helpers are the domain's), so the user sees the value that will be stored. Never while
 * typing: an IME composition must not be rewritten under the cursor.
 */

/** As `ZEmailAddress` does: full-width characters half-width, trimmed. */
export function normaliseEmailInput(value: string): string {
  return normaliseWidth(value).trim();
}

/** A 7-digit code (１０４－００６１, 104-0061) → 1040061, as stored; anything else only width-normalised. */
export function normalisePostalCodeInput(value: string): string {
  return normalisePostalCode(value) ?? normaliseNumberInput(value);
}
