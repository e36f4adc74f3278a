import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TCertificateSnapshot } from '@kyogikai/domain';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inkInRegion, pdfText, pdfWordBoxes, type WordBox } from '../test-support/poppler';
import { CertificateGlyphError, renderCertificate } from './render-certificate';
import { newVerificationCode, verificationUrl } from './verification-code';

// The certificate PDF (SPEC C3, issue 6 acceptance): what a reader extracts, and what the page
// really shows when rendered by Debian poppler (pdftoppm), glyph by glyph.

const snapshot = (overrides: Partial<TCertificateSnapshot> = {}): TCertificateSnapshot => ({
  schemaVersion: 1,
  titleJa: '入会証明書',
  bodyJa: '上記の者は、介護分野における特定技能協議会の構成員であることを証明します。',
  councilNameJa: '介護分野における特定技能協議会',
  issuerLineJa: '厚生労働省 社会・援護局 福祉基盤課長',
  membershipNumber: 'KG-000123',
  issueNumber: 2,
  issueDate: '2026-11-27',
  corporateName: '株式会社髙﨑商事',
  items: [
    { field: 'corporateName', labelJa: '法人名', value: '株式会社髙﨑商事' },
    { field: 'corporateAddress', labelJa: '法人所在地', value: '〒100-0013 東京都千代田区霞が関1-2-2 中央合同庁舎5号館' },
    { field: 'representativeTitle', labelJa: '代表者役職', value: '代表取締役' },
    // Spaces make poppler report 髙 and 﨑 as words of their own, so each one's box is checked alone.
    { field: 'representativeName', labelJa: '代表者名', value: '髙 﨑 一郎' },
  ],
  ...overrides,
});

const code = newVerificationCode();
const url = verificationUrl({ publicOrigin: 'https://kaigo.kyogikai.example.jp' }, code);

const require = createRequire(import.meta.url);
const fontBytes = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
const metrics = fontkit.create(fontBytes);

/**
 * The characters of a word that the rendered page does not show: the word's box (from the text
 * layer) is cut into one cell per character by the font's advance widths, and a cell without ink
 * is a character that was not drawn. This is what pdf-lib's own subsetting gets wrong.
 */
function blankCharacters(pdf: Uint8Array, box: WordBox): string[] {
  const characters = [...box.word];
  const advances = characters.map((c) => metrics.glyphForCodePoint(c.codePointAt(0) ?? 0).advanceWidth);
  const total = advances.reduce((a, b) => a + b, 0);
  const width = box.xMax - box.xMin;
  const blank: string[] = [];
  let start = box.xMin;
  for (const [index, character] of characters.entries()) {
    const cellWidth = (width * (advances[index] ?? 0)) / total;
    const inset = cellWidth * 0.12; // keep the neighbours' ink out of the cell
    const ink = inkInRegion(pdf, { xMin: start + inset, xMax: start + cellWidth - inset, yMin: box.yMin, yMax: box.yMax }, 200);
    if (character.trim() !== '' && ink < 4) blank.push(character);
    start += cellWidth;
  }
  return blank;
}

const boxOf = (boxes: WordBox[], word: string) => {
  const box = boxes.find((b) => b.word === word);
  if (!box) throw new Error(`no word "${word}" on the page: ${boxes.map((b) => b.word).join(' ')}`);
  return box;
};

describe('renderCertificate (SPEC C3; ADR 018)', () => {
  let pdf: Uint8Array;
  let boxes: WordBox[];

  beforeAll(async () => {
    pdf = await renderCertificate({ snapshot: snapshot(), verificationCode: code, verificationUrl: url });
    boxes = pdfWordBoxes(pdf);
  });

  it('C3 the extracted text has the corporation name with 髙 and 﨑, the membership number, the 和暦 and 西暦 date, the issuer and the verification link', () => {
    const text = pdfText(pdf);
    for (const expected of [
      '入会証明書',
      '株式会社髙﨑商事',
      'KG-000123',
      '第2号',
      '令和8年11月27日',
      '2026年11月27日',
      '代表取締役',
      '厚生労働省 社会・援護局 福祉基盤課長',
      '介護分野における特定技能協議会',
      '上記の者は、介護分野における特定技能協議会の構成員であることを証明',
      code.slice(0, 4),
    ]) {
      expect(text).toContain(expected);
    }
    // The link may wrap at the page edge; joined it is the whole URL.
    expect(text.replace(/\s+/g, '')).toContain(url);
  });

  it('C3 the page rendered by pdftoppm shows 髙, 﨑, the corporation name, the membership number and the 和暦 date drawn, not blank', () => {
    for (const word of ['髙', '﨑']) {
      expect(inkInRegion(pdf, boxOf(boxes, word)), word).toBeGreaterThan(20);
    }
    for (const word of ['株式会社髙﨑商事', 'KG-000123', '令和8年11月27日（2026年11月27日）', '髙', '﨑', '入会証明書']) {
      expect(blankCharacters(pdf, boxOf(boxes, word)), word).toEqual([]);
    }
    // And the page is not ink everywhere: the margin above the title is blank.
    expect(inkInRegion(pdf, { xMin: 64, yMin: 120, xMax: 500, yMax: 150 })).toBe(0);
  });

  it("the ink check fails on pdf-lib's own subsetting (the text extracts, the glyphs are not drawn), so the check above means something", async () => {
    const broken = await PDFDocument.create();
    broken.registerFontkit(fontkit);
    const embedded = await broken.embedFont(fontBytes, { subset: true });
    const page = broken.addPage([595.28, 841.89]);
    page.drawText('株式会社髙﨑商事', { x: 100, y: 700, size: 13, font: embedded });
    page.drawText('令和8年11月27日（2026年11月27日）', { x: 100, y: 600, size: 12, font: embedded });
    const bytes = await broken.save();
    expect(pdfText(bytes)).toContain('株式会社髙﨑商事');
    const brokenBoxes = pdfWordBoxes(bytes);
    expect(blankCharacters(bytes, boxOf(brokenBoxes, '株式会社髙﨑商事')).length).toBeGreaterThan(0);
    expect(blankCharacters(bytes, boxOf(brokenBoxes, '令和8年11月27日（2026年11月27日）')).length).toBeGreaterThan(0);
  });

  it('C3 prints a QR code (dark modules at the foot of the page, right)', () => {
    expect(inkInRegion(pdf, { xMin: 595.28 - 64 - 84, yMin: 841.89 - 64 - 84, xMax: 595.28 - 64, yMax: 841.89 - 64 })).toBeGreaterThan(
      2000,
    );
  });

  it('the file is under 300 KB', () => {
    expect(pdf.byteLength).toBeLessThan(300 * 1024);
  });

  it('C3 a name with a character the font lacks fails before drawing, naming the character', async () => {
    const lacking = snapshot({
      corporateName: '株式会社𠮷野商店',
      items: [{ field: 'corporateName', labelJa: '法人名', value: '株式会社𠮷野商店' }],
    });
    const rendering = renderCertificate({ snapshot: lacking, verificationCode: code, verificationUrl: url });
    await expect(rendering).rejects.toBeInstanceOf(CertificateGlyphError);
    await expect(rendering).rejects.toMatchObject({ message: 'フォントに次の文字がありません: 𠮷', characters: ['𠮷'] });
  });

  it('wraps a long address inside the page and prints all of it', async () => {
    const long = '北海道札幌市中央区北一条西二丁目一番地 札幌時計台ビルディング十階 特定技能外国人受入れ支援センター内';
    const bytes = await renderCertificate({
      snapshot: snapshot({ items: [{ field: 'corporateAddress', labelJa: '法人所在地', value: long }] }),
      verificationCode: code,
      verificationUrl: url,
    });
    expect(pdfText(bytes).replace(/\s+/g, '')).toContain(long.replace(/\s+/g, ''));
    expect(pdfWordBoxes(bytes).every((box) => box.xMax <= 595.28 - 60 && box.xMin >= 60)).toBe(true);
  });
});
