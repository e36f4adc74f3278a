// What a smaller V8 young generation costs the API (docs/benchmarks.md, ADR 017): the same load
// (autocannon 9.0.0, 50 connections, 10 s, on the same 2 cores as the server, so compare ratios)
// against `portal mypage.get` (session, membership, organisation, application and checklist
// queries) of the API in production wiring, with Node's defaults and with
// `--max-semi-space-size=2`, one after the other.
//
//   npx tsx bench/semi-space-throughput.ts [seconds=10]
import { spawn } from 'node:child_process';
import { machine, memoryOf, startBenchApi } from './api-harness';

const seconds = Number(process.argv[2] ?? 10);

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };

function autocannon(url: string, headers: Record<string, string>): Promise<Result> {
  const args = ['-y', 'autocannon@9.0.0', '-j', '-c', '50', '-d', String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as Result) : reject(new Error(`autocannon exited ${code}`))));
  });
}

async function measure(nodeFlags: string[]) {
  const api = await startBenchApi({ isProduction: true, nodeFlags });
  try {
    const url = `http://127.0.0.1:${api.port}${api.prefix}/api/portal/trpc/mypage.get`;
    await autocannon(url, api.headers); // warm-up run, discarded
    const result = await autocannon(url, api.headers);
    return {
      nodeFlags: nodeFlags.join(' ') || '(defaults)',
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      peakRssMb: (memoryOf(api.pid).hwmKb / 1024).toFixed(1),
    };
  } finally {
    // Let the last in-flight requests finish before the API and its database go away.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await api.close();
  }
}

async function main() {
  // Each configuration twice, alternating, so drift on the shared cores affects both alike.
  const rows = [];
  for (let round = 0; round < 2; round += 1) {
    rows.push(await measure([]), await measure(['--max-semi-space-size=2']));
  }
  console.log(JSON.stringify({ date: new Date().toISOString(), machine: machine(), seconds, rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
