import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { formatSeireki, formatWareki, type TCertificateSnapshot } from '@kyogikai/domain';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { groupVerificationCode } from './verification-code';

/**
 * The membership certificate as an A4 PDF (SPEC C3; ADR 018), from the snapshot taken when it was
 * issued plus the verification code drawn for this rendering. Pure: no database, no storage.
 *
 * The Japanese font (BIZ UDPGothic, a Universal Design face made for official documents) is
 * subset to the characters printed with subset-font and embedded whole (`subset: false`): pdf-lib's
 * own subsetting silently drops Japanese glyphs (STACK.md), which leaves the text extractable but
 * the page blank. Before anything is drawn, every character is checked against the font: a legal
 * document must never print a blank box (CertificateGlyphError names what is missing).
 */

export type RenderCertificateInput = {
  snapshot: TCertificateSnapshot;
  /** The code printed (and hashed into the row by the caller). */
  verificationCode: string;
  /** Its public link, printed and encoded in the QR code. */
  verificationUrl: string;
};

/** The font lacks a glyph for some characters to be printed: retrying cannot help; staff must act. */
export class CertificateGlyphError extends Error {
  override readonly name = 'CertificateGlyphError';
  constructor(readonly characters: readonly string[]) {
    super(`フォントに次の文字がありません: ${characters.join(' ')}`);
  }
}

const require = createRequire(import.meta.url);

/**
 * subset-font 2.9.0 ships no types (and a `.d.ts` of ours would not reach the API's compile, which
 * includes this file): loaded through require with the signature this file uses.
 */
const subsetFont = require('subset-font') as (
  font: Buffer,
  text: string,
  options: { targetFormat: 'truetype' | 'sfnt' | 'woff' | 'woff2' },
) => Promise<Buffer>;
const FONT_FILES = {
  regular: '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf',
  bold: '@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf',
} as const;
type FontWeight = keyof typeof FONT_FILES;

type LoadedFont = { bytes: Buffer; hasGlyph: (codePoint: number) => boolean };
const loaded = new Map<FontWeight, Promise<LoadedFont>>();

function loadFont(weight: FontWeight): Promise<LoadedFont> {
  let font = loaded.get(weight);
  if (!font) {
    font = readFile(require.resolve(FONT_FILES[weight])).then((buffer) => {
      // subset-font detects the format from a Buffer's bytes (a plain Uint8Array is not recognised).
      const parsed = fontkit.create(buffer);
      return { bytes: buffer, hasGlyph: (codePoint: number) => parsed.hasGlyphForCodePoint(codePoint) };
    });
    loaded.set(weight, font);
  }
  return font;
}

/** Characters of `text` the font cannot draw, once each, in order of appearance. */
export function missingGlyphs(text: string, hasGlyph: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0);
    if (codePoint === undefined || character === '\n') continue;
    if (!hasGlyph(codePoint)) missing.add(character);
  }
  return [...missing];
}

/** One line of printed text: runs of whitespace (a newline in an address) become one space. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

// A4 in points, and the layout grid.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 64;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

type Line = { text: string; weight: FontWeight; size: number };

/** Everything drawn on the page, so the glyph check and the subset see exactly what is printed. */
function printedText(input: RenderCertificateInput) {
  const s = input.snapshot;
  const issueDate = `${formatWareki(s.issueDate)}（${formatSeireki(s.issueDate)}）`;
  return {
    header: [`会員番号　${oneLine(s.membershipNumber)}`, `発行番号　第${s.issueNumber}号`],
    title: oneLine(s.titleJa),
    items: s.items.map((item) => ({ label: oneLine(item.labelJa), value: oneLine(item.value) })),
    body: oneLine(s.bodyJa),
    issueDate,
    issuer: [oneLine(s.councilNameJa), oneLine(s.issuerLineJa)],
    verifyHeading: 'この証明書が有効であることは、次のページまたは右の二次元コードで確認できます。',
    verifyCode: `検証コード　${groupVerificationCode(input.verificationCode)}`,
    verifyUrl: input.verificationUrl,
  };
}

/**
 * Splits text into lines no wider than `width` (Japanese wraps between any two characters). Each
 * character is measured once: asking pdf-lib for the width of every growing prefix lays the text
 * out again each time, which made wrapping the slowest part of a render.
 */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const widths = new Map<string, number>();
  const widthOf = (character: string) => {
    let w = widths.get(character);
    if (w === undefined) {
      w = font.widthOfTextAtSize(character, size);
      widths.set(character, w);
    }
    return w;
  };
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const character of text) {
    const w = widthOf(character);
    if (line !== '' && lineWidth + w > width) {
      lines.push(line);
      line = character === ' ' ? '' : character;
      lineWidth = character === ' ' ? 0 : w;
    } else {
      line += character;
      lineWidth += w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function drawQrCode(page: PDFPage, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2; // modules of white border inside `size`
  const cell = size / (count + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row++) {
    // Runs of dark modules in a row become one rectangle: fewer operators, smaller file.
    let column = 0;
    while (column < count) {
      if (!qr.modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && qr.modules.get(row, column)) column++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (column - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** Renders the certificate; throws CertificateGlyphError before drawing anything the font lacks. */
export async function renderCertificate(input: RenderCertificateInput): Promise<Uint8Array> {
  const text = printedText(input);
  const boldText = text.title;
  const regularText = [
    ...text.header,
    ...text.items.flatMap((item) => [item.label, item.value]),
    text.body,
    text.issueDate,
    ...text.issuer,
    text.verifyHeading,
    text.verifyCode,
    text.verifyUrl,
  ].join('\n');

  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
  const missing = [...new Set([...missingGlyphs(regularText, regular.hasGlyph), ...missingGlyphs(boldText, bold.hasGlyph)])];
  if (missing.length > 0) throw new CertificateGlyphError(missing);

  // The subset keeps the glyphs of these characters only; the space is always kept for layout.
  const [regularSubset, boldSubset] = await Promise.all([
    subsetFont(regular.bytes, `${regularText} `, { targetFormat: 'truetype' }),
    subsetFont(bold.bytes, `${boldText} `, { targetFormat: 'truetype' }),
  ]);

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts: Record<FontWeight, PDFFont> = {
    regular: await pdf.embedFont(regularSubset, { subset: false }),
    bold: await pdf.embedFont(boldSubset, { subset: false }),
  };
  pdf.setTitle(`${text.title} ${input.snapshot.corporateName}`);
  pdf.setSubject(`${input.snapshot.councilNameJa} ${text.header[0]}`);
  pdf.setAuthor(input.snapshot.councilNameJa);
  pdf.setCreator('Kyōgikai');
  pdf.setProducer('Kyōgikai (pdf-lib)');
  pdf.setLanguage('ja-JP');

  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const contentWidth = PAGE.width - MARGIN * 2;
  const right = PAGE.width - MARGIN;

  const drawRight = (line: Line, y: number) => {
    const font = fonts[line.weight];
    page.drawText(line.text, { x: right - font.widthOfTextAtSize(line.text, line.size), y, size: line.size, font, color: INK });
  };
  const drawCentred = (line: Line, y: number) => {
    const font = fonts[line.weight];
    page.drawText(line.text, { x: (PAGE.width - font.widthOfTextAtSize(line.text, line.size)) / 2, y, size: line.size, font, color: INK });
  };

  // Header: membership number and issue number, top right.
  let y = PAGE.height - MARGIN - 10;
  for (const header of text.header) {
    drawRight({ text: header, weight: 'regular', size: 10.5 }, y);
    y -= 16;
  }

  // Title.
  y -= 70;
  const titleSize = fonts.bold.widthOfTextAtSize(text.title, 30) > contentWidth ? 22 : 30;
  drawCentred({ text: text.title, weight: 'bold', size: titleSize }, y);

  // The printed fields: label column, value column (wrapped).
  y -= 80;
  const labelSize = 12;
  const valueSize = 13;
  const labelWidth = Math.max(...text.items.map((item) => fonts.regular.widthOfTextAtSize(item.label, labelSize))) + 28;
  const valueX = MARGIN + 24 + labelWidth;
  const valueWidth = right - valueX;
  for (const item of text.items) {
    page.drawText(item.label, { x: MARGIN + 24, y, size: labelSize, font: fonts.regular, color: GREY });
    const lines = wrap(item.value, fonts.regular, valueSize, valueWidth);
    for (const [index, line] of lines.entries()) {
      page.drawText(line, { x: valueX, y: y - index * 19, size: valueSize, font: fonts.regular, color: INK });
    }
    y -= 19 * lines.length + 14;
    page.drawLine({ start: { x: MARGIN + 24, y: y + 8 }, end: { x: right - 24, y: y + 8 }, thickness: 0.4, color: GREY });
    y -= 8;
  }

  // The certifying sentence.
  y -= 36;
  for (const line of wrap(text.body, fonts.regular, 13, contentWidth - 48)) {
    page.drawText(line, { x: MARGIN + 24, y, size: 13, font: fonts.regular, color: INK });
    y -= 22;
  }

  // Issue date (和暦 and 西暦) and the issuer.
  y -= 40;
  page.drawText(text.issueDate, { x: MARGIN + 24, y, size: 12, font: fonts.regular, color: INK });
  y -= 48;
  for (const issuer of text.issuer) {
    for (const line of wrap(issuer, fonts.regular, 13, contentWidth - 120)) {
      drawRight({ text: line, weight: 'regular', size: 13 }, y);
      y -= 21;
    }
  }

  // Verification: text on the left, QR code of the link on the right, at the foot of the page.
  const qrSize = 84;
  const boxTop = MARGIN + qrSize + 12;
  page.drawLine({ start: { x: MARGIN, y: boxTop + 8 }, end: { x: right, y: boxTop + 8 }, thickness: 0.4, color: GREY });
  drawQrCode(page, text.verifyUrl, right - qrSize, MARGIN, qrSize);
  const textWidth = contentWidth - qrSize - 16;
  let vy = boxTop - 14;
  for (const line of wrap(text.verifyHeading, fonts.regular, 9, textWidth)) {
    page.drawText(line, { x: MARGIN, y: vy, size: 9, font: fonts.regular, color: GREY });
    vy -= 13;
  }
  vy -= 4;
  page.drawText(text.verifyCode, { x: MARGIN, y: vy, size: 10, font: fonts.regular, color: INK });
  vy -= 15;
  for (const line of wrap(text.verifyUrl, fonts.regular, 8.5, textWidth)) {
    page.drawText(line, { x: MARGIN, y: vy, size: 8.5, font: fonts.regular, color: INK });
    vy -= 12;
  }

  return pdf.save({ useObjectStreams: true });
}
