/**
 * Normalising what Japanese users type (SPEC B2, issue 4): full-width ASCII (digits, latin
 * letters, symbols, the ideographic space) becomes half-width, half-width katakana becomes
 * full-width, and in number fields every dash-like character becomes '-'. This is NFKC restricted
 * to those blocks: NFKC over the whole text would also rewrite characters users chose on purpose
 * (①, ㈱, ㍻, compatibility kanji). Pure and browser-safe, so the portal shows the same result
 * the API stores.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const HALF_WIDTH_KATAKANA_RUN = /[\uFF61-\uFF9F]+/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;
/**
 * Dash-like characters people type between digits: hyphen-minus variants, dashes, minus signs,
 * the full-width hyphen and the katakana prolonged sound mark (IME users often type ー for -).
 */
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\uFF70\u30FC]/g;

/** Full-width ASCII → half-width, ideographic space → space, half-width katakana → full-width. */
export function normaliseWidth(value: string): string {
  return value
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_SPACE, ' ')
    .replace(HALF_WIDTH_KATAKANA_RUN, (run) => run.normalize('NFKC'));
}

/** Free text (names, addresses): width normalised, runs of spaces collapsed, trimmed. */
export function normaliseText(value: string): string {
  return normaliseWidth(value).replace(/\s+/g, ' ').trim();
}

/** Digits and dashes of number fields, as half-width digits and '-'. */
export function normaliseNumberInput(value: string): string {
  return normaliseWidth(value).replace(DASHES, '-').trim();
}

/** ぁ-ゖ → ァ-ヶ, ゝゞ → ヽヾ; everything else unchanged. */
export function hiraganaToKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** フリガナ fields: width normalised (half-width katakana → full-width), hiragana → katakana. */
export function normaliseKana(value: string): string {
  return hiraganaToKatakana(normaliseText(value));
}

/** Full-width katakana (with ヴ, ヵ, ヶ), the prolonged sound mark, the middle dot and spaces. */
export function isKatakanaText(value: string): boolean {
  return /^[\u30A1-\u30F6\u30FB\u30FC\u30FD\u30FE ]+$/.test(value);
}

/**
 * A 7-digit postal code from what the user typed: "１０４－００６１", "104-0061", "〒1040061" and
 * "1040061" all give "1040061". Null when it is not 7 digits after normalising.
 */
export function normalisePostalCode(value: string): string | null {
  const digits = normaliseNumberInput(value).replace(/^〒/, '').replace(/[\s-]/g, '');
  return /^[0-9]{7}$/.test(digits) ? digits : null;
}

/** An address as Japanese documents print it. */
export type TAddressParts = {
  postalCode?: string | null;
  prefecture?: string | null;
  city?: string | null;
  town?: string | null;
  building?: string | null;
};

/**
 * 〒 and the postal code with its hyphen, then prefecture, city and town run together, the building
 * after a space: "〒104-0061 東京都中央区銀座1-2-3 さくらビル". One form for the certificate, the
 * member's screens and the secretariat's, so an address reads the same everywhere.
 */
export function formatAddress(parts: TAddressParts): string {
  const postal =
    parts.postalCode && /^[0-9]{7}$/.test(parts.postalCode) ? `〒${parts.postalCode.slice(0, 3)}-${parts.postalCode.slice(3)} ` : '';
  const street = [parts.prefecture, parts.city, parts.town].filter((part) => part?.trim()).join('');
  const building = parts.building?.trim() ? ` ${parts.building.trim()}` : '';
  return `${postal}${street}${building}`.trim();
}

/** 法人番号 as typed ("１２３４-５６７８-９０１２３", with spaces) → its digits; not validated here. */
export function normaliseCorporateNumberInput(value: string): string {
  return normaliseNumberInput(value).replace(/[\s-]/g, '');
}

/**
 * A phone number as typed → half-width digits with single hyphens: "０３（１２３４）５６７８" gives
 * "03-1234-5678". Not validated here (see isPhoneNumber).
 */
export function normalisePhone(value: string): string {
  return normaliseNumberInput(value)
    .replace(/\s*[()]\s*/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A Japanese number (0 then 9-10 more digits: landline, mobile, 0120/0570) or an international one
 * (+ then 8-15 digits), digits optionally grouped by single hyphens.
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9]+(-[0-9]+)*$/.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, '');
  if (value.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  return value.startsWith('0') && digits.length >= 10 && digits.length <= 11;
}
