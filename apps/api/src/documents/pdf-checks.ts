import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Checks that an upload really is a usable PDF (SPEC G9), made while the bytes stream past and
 * afterwards with small ranged reads, so a file is never held in memory (ADR 017):
 *
 * - while streaming: the size limit (413 as soon as one byte too many arrives) and the magic
 *   `%PDF-` within the first 1024 bytes (415; what readers accept, whatever the name or the
 *   browser's content type says);
 * - at the end: `startxref` and `%%EOF` in the last bytes, a cross-reference section (table or
 *   stream) where `startxref` points, and a trailer naming the document catalogue (else 422
 *   `document.unreadable`); a trailer with `/Encrypt` is an encrypted PDF (422 `document.encrypted`)
 *   that staff could not open.
 */

export const PDF_HEADER_WINDOW = 1024;
/** Enough for the last trailer and startxref of any PDF writer we know (they are a few hundred bytes). */
export const PDF_TAIL_BYTES = 16 * 1024;
/** What is read at the startxref offset to find the cross-reference section and its trailer. */
export const PDF_XREF_WINDOW = 64 * 1024;

export type TUploadRejection =
  | { status: 413; messageKey: 'document.tooLarge'; messageParams: { maxMb: number } }
  | { status: 415; messageKey: 'document.notPdf' }
  | { status: 422; messageKey: 'document.encrypted' | 'document.unreadable' };

/** An upload refused for what it is (not for who sent it); carries the HTTP status and message key. */
export class UploadRejectedError extends Error {
  override readonly name = 'UploadRejectedError';
  constructor(readonly rejection: TUploadRejection) {
    super(rejection.messageKey);
  }
}

export const tooLarge = (maxBytes: number) =>
  new UploadRejectedError({ status: 413, messageKey: 'document.tooLarge', messageParams: { maxMb: Math.floor(maxBytes / (1024 * 1024)) } });
const notPdf = () => new UploadRejectedError({ status: 415, messageKey: 'document.notPdf' });
const unreadable = () => new UploadRejectedError({ status: 422, messageKey: 'document.unreadable' });
const encrypted = () => new UploadRejectedError({ status: 422, messageKey: 'document.encrypted' });

const MAGIC = Buffer.from('%PDF-', 'latin1');

export type TStreamFacts = { byteSize: number; sha256: string; tail: Buffer };

/**
 * A pass-through stream that counts, hashes and remembers the head and the tail of what flows
 * through it, and fails (destroying the pipeline) the moment the size limit is passed or the head
 * shows it is not a PDF. `facts()` is valid once the stream has ended.
 */
export function createPdfInspector(maxBytes: number): {
  stream: Transform;
  facts(): TStreamFacts;
  /** Why the stream was refused, if it was (whatever error the consumer reports instead). */
  rejection(): UploadRejectedError | null;
} {
  const hash = createHash('sha256');
  let byteSize = 0;
  let head = Buffer.alloc(0);
  let isHeadChecked = false;
  // The last chunks seen, by reference (no copies while streaming); at most PDF_TAIL_BYTES beyond the newest.
  let tailChunks: Buffer[] = [];
  let tailLength = 0;
  let refused: UploadRejectedError | null = null;
  const refuse = (error: UploadRejectedError, callback: TransformCallback) => {
    refused = error;
    callback(error);
  };

  const checkHead = (isFinal: boolean): UploadRejectedError | null => {
    if (isHeadChecked) return null;
    if (head.indexOf(MAGIC) >= 0) {
      isHeadChecked = true;
      head = Buffer.alloc(0);
      return null;
    }
    return head.length >= PDF_HEADER_WINDOW || isFinal ? notPdf() : null;
  };

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      byteSize += chunk.length;
      if (byteSize > maxBytes) return refuse(tooLarge(maxBytes), callback);
      if (!isHeadChecked) {
        head = Buffer.concat([head, chunk.subarray(0, PDF_HEADER_WINDOW)]).subarray(0, PDF_HEADER_WINDOW);
        const rejection = checkHead(false);
        if (rejection) return refuse(rejection, callback);
      }
      hash.update(chunk);
      tailChunks.push(chunk);
      tailLength += chunk.length;
      while (tailChunks.length > 1 && tailLength - (tailChunks[0]?.length ?? 0) >= PDF_TAIL_BYTES) {
        tailLength -= tailChunks.shift()?.length ?? 0;
      }
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const rejection = checkHead(true);
      if (rejection) return refuse(rejection, callback);
      callback();
    },
  });
  const facts = () => {
    const tail = Buffer.concat(tailChunks).subarray(-PDF_TAIL_BYTES);
    tailChunks = [];
    return { byteSize, sha256: hash.digest('hex'), tail };
  };
  return { stream, facts, rejection: () => refused };
}

const text = (bytes: Buffer) => bytes.toString('latin1');

/** Where the last cross-reference section starts, from the file's tail; throws `document.unreadable`. */
export function findStartXref(tail: Buffer, byteSize: number): number {
  const source = text(tail);
  const at = source.lastIndexOf('startxref');
  if (at < 0) throw unreadable();
  const after = source.slice(at + 'startxref'.length);
  const match = /^\s*(\d{1,12})\s*%%EOF/.exec(after);
  // %%EOF must close the file (readers allow trailing whitespace or a few bytes of garbage).
  if (!match?.[1] || after.length - after.indexOf('%%EOF') > PDF_HEADER_WINDOW) throw unreadable();
  const offset = Number(match[1]);
  if (offset <= 0 || offset >= byteSize) throw unreadable();
  return offset;
}

/** The text of the last `trailer << … >>` before `startxref` in the tail, if the file has a classic trailer there. */
function tailTrailer(tail: Buffer): string | null {
  const source = text(tail);
  const end = source.lastIndexOf('startxref');
  const start = source.lastIndexOf('trailer', end);
  return start >= 0 && end > start ? source.slice(start, end) : null;
}

/** The trailer dictionary of the cross-reference section at `startxref` (classic table or stream). */
function sectionTrailer(section: Buffer): string {
  const source = text(section).replace(/^[\s\0]+/, '');
  if (source.startsWith('xref')) {
    const start = source.indexOf('trailer');
    if (start < 0) return '';
    const end = source.indexOf('startxref', start);
    return source.slice(start, end < 0 ? undefined : end);
  }
  // A cross-reference stream (PDF 1.5+): its dictionary is the trailer.
  const object = /^\d+\s+\d+\s+obj\b/.exec(source);
  if (!object) throw unreadable();
  const streamAt = source.indexOf('stream', object[0].length);
  const dictionary = source.slice(object[0].length, streamAt < 0 ? undefined : streamAt);
  if (!/\/Type\s*\/XRef\b/.test(dictionary)) throw unreadable();
  return dictionary;
}

/**
 * Decides on the finished upload: readable (a cross-reference section where startxref points and a
 * trailer with /Root) and not encrypted. `section` is what `readAt(startxref)` returned. Looks at
 * both the trailer in the tail and the section's own, so incrementally updated and linearized
 * files (whose startxref may point to a first-page section) are judged on their real trailer.
 */
export function judgePdfStructure(tail: Buffer, section: Buffer): void {
  const trailers = [tailTrailer(tail), sectionTrailer(section)].filter((t): t is string => !!t);
  if (trailers.length === 0 || !trailers.some((t) => /\/Root\b/.test(t))) throw unreadable();
  if (trailers.some((t) => /\/Encrypt(?![A-Za-z0-9])/.test(t))) throw encrypted();
}
