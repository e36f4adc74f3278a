import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/helpers/documents';
import { createPdfInspector, findStartXref, judgePdfStructure, PDF_XREF_WINDOW, UploadRejectedError } from './pdf-checks';

/** Streams `bytes` through the inspector in small chunks and runs the end-of-upload checks on them. */
async function inspect(bytes: Buffer, maxBytes = 10 * 1024 * 1024) {
  const inspector = createPdfInspector(maxBytes);
  const sink: Buffer[] = [];
  await pipeline(
    Readable.from(
      (function* () {
        for (let offset = 0; offset < bytes.length; offset += 4096) yield bytes.subarray(offset, offset + 4096);
      })(),
    ),
    inspector.stream,
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) sink.push(chunk);
    },
  );
  const facts = inspector.facts();
  expect(Buffer.concat(sink).equals(bytes)).toBe(true);
  const offset = findStartXref(facts.tail, facts.byteSize);
  judgePdfStructure(facts.tail, bytes.subarray(offset, offset + PDF_XREF_WINDOW));
  return facts;
}

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof UploadRejectedError ? error.rejection : error),
  );

async function pdfLibDocument(options: { useObjectStreams: boolean }) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Kyogikai test', { font: await doc.embedFont(StandardFonts.Helvetica), x: 50, y: 800 });
  return Buffer.from(await doc.save({ useObjectStreams: options.useObjectStreams }));
}

describe('G9 PDF checks made while streaming and with ranged reads', () => {
  it('G9 accepts what pdf-lib writes, with a cross-reference table or stream, and hashes and sizes it', async () => {
    for (const useObjectStreams of [false, true]) {
      const bytes = await pdfLibDocument({ useObjectStreams });
      const facts = await inspect(bytes);
      expect(facts.byteSize).toBe(bytes.length);
      expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('G9 accepts an incrementally updated file (a second section and trailer with /Prev)', async () => {
    const original = makePdf();
    const prev = findStartXref(original.subarray(-1024), original.length);
    const object = '5 0 obj\n<< /Producer (update) >>\nendobj\n';
    const xrefAt = original.length + object.length;
    const update = `${object}xref\n5 1\n${String(original.length).padStart(10, '0')} 00000 n\r\ntrailer\n<< /Size 6 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await inspect(Buffer.concat([original, Buffer.from(update, 'latin1')]));
  });

  it('G9 refuses by content, not by name: no %PDF- in the first 1024 bytes is 415 as soon as they are seen', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(5000)]);
    await expect(rejectionOf(inspect(png))).resolves.toEqual({ status: 415, messageKey: 'document.notPdf' });
    await expect(rejectionOf(inspect(Buffer.alloc(0)))).resolves.toEqual({ status: 415, messageKey: 'document.notPdf' });
    await expect(rejectionOf(inspect(Buffer.concat([Buffer.alloc(1024, 0x20), makePdf()])))).resolves.toMatchObject({ status: 415 });
  });

  it('G9 the size limit: exactly the limit passes, one byte more is 413 with the limit in MB', async () => {
    const bytes = makePdf({ padBytes: 3000 });
    await inspect(bytes, bytes.length);
    await expect(rejectionOf(inspect(bytes, bytes.length - 1))).resolves.toEqual({
      status: 413,
      messageKey: 'document.tooLarge',
      messageParams: { maxMb: 0 },
    });
    const tenMb = 10 * 1024 * 1024;
    await expect(rejectionOf(inspect(makePdf({ padBytes: tenMb }), tenMb))).resolves.toMatchObject({ messageParams: { maxMb: 10 } });
  });

  it('G9 encrypted (/Encrypt in a trailer or cross-reference stream) is 422 document.encrypted', async () => {
    for (const xrefStream of [false, true]) {
      await expect(rejectionOf(inspect(makePdf({ encrypt: true, xrefStream })))).resolves.toEqual({
        status: 422,
        messageKey: 'document.encrypted',
      });
    }
  });

  it('G9 cut off, no startxref, startxref pointing nowhere or past the end, no /Root: 422 document.unreadable', async () => {
    const whole = makePdf({ padBytes: 2000 });
    const text = whole.toString('latin1');
    const variants = [
      whole.subarray(0, whole.length - 10),
      Buffer.from(text.replace('startxref', 'startxrof'), 'latin1'),
      Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n30'), 'latin1'),
      Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n99999999'), 'latin1'),
      Buffer.from(text.replace('/Root 1 0 R', '/Size 1   '), 'latin1'),
    ];
    for (const bytes of variants) {
      await expect(rejectionOf(inspect(bytes))).resolves.toEqual({ status: 422, messageKey: 'document.unreadable' });
    }
  });
});
