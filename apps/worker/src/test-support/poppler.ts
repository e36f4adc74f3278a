import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Debian poppler-utils (pdftotext, pdftoppm) as the certificate tests use them: what a reader's
 * text layer says, and whether the glyphs are really drawn there (STACK.md: with pdf-lib's own
 * subsetting the text extracts fine while the page stays blank). `npm test` installs poppler-utils.
 */

export type WordBox = { word: string; xMin: number; yMin: number; xMax: number; yMax: number };

function withPdfFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'kyogikai-pdf-'));
  try {
    const file = path.join(dir, 'certificate.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function poppler(command: 'pdftotext' | 'pdftoppm', args: string[]): Buffer {
  try {
    return execFileSync(command, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${command} is missing: install Debian poppler-utils (apt-get install -y poppler-utils; npm test does it as root)`);
    }
    throw error;
  }
}

/** The page's text in reading order (pdftotext -layout). */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file) => poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8'));
}

/** Every word of the first page with its box in points, origin top left (pdftotext -bbox). */
export function pdfWordBoxes(pdf: Uint8Array): WordBox[] {
  const html = withPdfFile(pdf, (file) =>
    poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']).toString('utf8'),
  );
  const boxes: WordBox[] = [];
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    boxes.push({
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      word: (match[5] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    });
  }
  return boxes;
}

/**
 * Dark pixels (grey level below 128) of a region of page 1, rendered by pdftoppm at `dpi` in
 * greyscale. The region is in points, origin top left, as pdfWordBoxes gives it.
 */
export function inkInRegion(pdf: Uint8Array, region: { xMin: number; yMin: number; xMax: number; yMax: number }, dpi = 150): number {
  const scale = dpi / 72;
  const x = Math.floor(region.xMin * scale);
  const y = Math.floor(region.yMin * scale);
  const width = Math.max(1, Math.ceil((region.xMax - region.xMin) * scale));
  const height = Math.max(1, Math.ceil((region.yMax - region.yMin) * scale));
  const pgm = withPdfFile(pdf, (file) => {
    const prefix = path.join(path.dirname(file), 'page');
    poppler('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      '-x',
      String(x),
      '-y',
      String(y),
      '-W',
      String(width),
      '-H',
      String(height),
      file,
      prefix,
    ]);
    return readFileSync(`${prefix}.pgm`);
  });
  return countDarkPixels(pgm);
}

/** Counts pixels below mid-grey in a binary PGM (P5, maxval 255). */
function countDarkPixels(pgm: Buffer): number {
  // Header: "P5", width, height, maxval, separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [, width, height] = header.map(Number);
  const pixels = pgm.subarray(header[0].length);
  if (pixels.length < (width ?? 0) * (height ?? 0)) throw new Error('truncated PGM');
  let dark = 0;
  for (const value of pixels) if (value < 128) dark++;
  return dark;
}
