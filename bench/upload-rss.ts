// Peak memory of the API process while it receives 10 MB PDFs (issue 5 acceptance: the peak RSS
// rises by less than 20 MB). Starts the real API against a fresh test database (bench/api-harness.ts),
// signs in a seeded applicant, registers an establishment and a worker, uploads one small PDF to
// warm up, resets the kernel's peak-RSS counter (clear_refs), uploads a generated 10 MB PDF N times
// through the streaming route, and reads the child's /proc/<pid>/status: VmHWM (peak RSS) and
// VmRSS sampled every 5 ms.
//
//   npx tsx bench/upload-rss.ts [uploads=5] [--mb=10] [--production] [--no-gc-release] [--semi-space=MB]
//
// Test wiring runs s3rver inside the API process, so the figure includes the store's share of the
// work; `--production` wires the API as in production (S3 elsewhere), which measures the API itself.
// The API runs with `--expose-gc`, as every start script does, so each upload ends with a young-
// generation collection that returns its 64 KB socket buffers (apps/api/src/http/release-upload-buffers.ts).
// `--no-gc-release` leaves the flag out (the buffers wait for V8's next scavenge) and `--semi-space=2`
// adds `--max-semi-space-size=2`: the two alternatives compared in docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { machine, memoryOf, request, seedWorker, startBenchApi } from './api-harness';

const MB = 1024 * 1024;
const args = process.argv.slice(2);
const uploads = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const sizeMb = Number(args.find((a) => a.startsWith('--mb='))?.slice(5) ?? 10);
const isProduction = args.includes('--production');
const semiSpaceMb = args.find((a) => a.startsWith('--semi-space='))?.slice('--semi-space='.length);
const nodeFlags = [
  ...(args.includes('--no-gc-release') ? [] : ['--expose-gc']),
  ...(semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : []),
];

/** A valid PDF of `bytes` bytes (just under), its bulk an incompressible stream object. */
function makePdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  const pad = bytes - 4096;
  const parts: Buffer[] = [head];
  const offsets: number[] = [];
  let size = head.length;
  for (const object of objects) {
    offsets.push(size);
    parts.push(Buffer.from(object, 'latin1'));
    size += object.length;
  }
  offsets.push(size);
  const streamHead = Buffer.from(`4 0 obj\n<< /Length ${pad} >>\nstream\n`, 'latin1');
  const streamTail = Buffer.from('\nendstream\nendobj\n', 'latin1');
  parts.push(streamHead, randomBytes(pad), streamTail);
  size += streamHead.length + pad + streamTail.length;
  const xref = ['xref', '0 5', '0000000000 65535 f\r', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r`)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

async function main() {
  const api = await startBenchApi({ isProduction, nodeFlags });
  try {
    const workerId = await seedWorker(api);
    const upload = async (pdf: Buffer) => {
      const reply = await request(
        api.port,
        'PUT',
        `${api.prefix}/api/portal/files/workers/${workerId}/documents/employment-conditions`,
        {
          ...api.headers,
          'content-type': 'application/pdf',
          'content-length': String(pdf.length),
          'x-file-name': encodeURIComponent('bench.pdf'),
        },
        pdf,
      );
      if (reply.status !== 201) throw new Error(`upload: ${reply.status} ${reply.body}`);
    };

    // Warm-up: one small upload loads every code path (S3 client, checks, queries) once.
    await upload(makePdf(64 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Reset the kernel's peak-RSS counter, so VmHWM measures only what follows.
    writeFileSync(`/proc/${api.pid}/clear_refs`, '5');
    const before = memoryOf(api.pid);
    const pdf = makePdf(sizeMb * MB);

    let sampledPeakKb = before.rssKb;
    const sampler = setInterval(() => {
      sampledPeakKb = Math.max(sampledPeakKb, memoryOf(api.pid).rssKb);
    }, 5);
    const durations: number[] = [];
    for (let i = 0; i < uploads; i += 1) {
      const started = performance.now();
      await upload(pdf);
      durations.push(performance.now() - started);
    }
    clearInterval(sampler);
    const after = memoryOf(api.pid);

    const mbOf = (kb: number) => (kb / 1024).toFixed(1);
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: machine(),
          mode: isProduction ? 'production (S3 outside the API process)' : 'test (s3rver inside the API process)',
          nodeFlags: nodeFlags.join(' ') || '(defaults)',
          uploads,
          fileMb: (pdf.length / MB).toFixed(2),
          rssBeforeMb: mbOf(before.rssKb),
          peakRssMb: mbOf(after.hwmKb),
          peakIncreaseMb: mbOf(after.hwmKb - before.rssKb),
          sampledPeakIncreaseMb: mbOf(sampledPeakKb - before.rssKb),
          rssAfterMb: mbOf(after.rssKb),
          medianUploadMs: Math.round([...durations].sort((x, y) => x - y)[Math.floor(durations.length / 2)] ?? 0),
        },
        null,
        2,
      ),
    );
    const isWithinBudget = after.hwmKb - before.rssKb < 20 * 1024;
    console.log(isWithinBudget ? 'OK: peak RSS increase below 20 MB' : 'FAIL: peak RSS increase is 20 MB or more');
    process.exitCode = isWithinBudget ? 0 : 1;
  } finally {
    await api.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
