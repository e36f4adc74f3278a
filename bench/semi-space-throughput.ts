// What a smaller V8 young generation costs the API (docs/benchmarks.md, ADR 017): the same load
// (autocannon 9.0.0, 50 connections, 10 s, on the same 2 cores as the server, so compare ratios)
// against `portal mypage.get` (session, membership, organisation, application and checklist
// queries) of the API in production wiring, with Node's defaults and with
// `--max-semi-space-size=2`, one after the other. Requests per second vary by a factor of two on
// a box whose cores are shared with the load generator (and other work), so each run also reports
// the API process's own CPU time per request (utime + stime from /proc), which sharing does not
// inflate: that is the figure to compare.
//
//   npx tsx bench/semi-space-throughput.ts [seconds=10]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { machine, memoryOf, startBenchApi } from './api-harness';

const seconds = Number(process.argv[2] ?? 10);

type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };

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

/** CPU time (user + system) the process has used so far, in ms (clock ticks are 10 ms on Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at indices 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(nodeFlags: string[]) {
  const api = await startBenchApi({ isProduction: true, nodeFlags });
  try {
    const url = `http://127.0.0.1:${api.port}${api.prefix}/api/portal/trpc/mypage.get`;
    await autocannon(url, api.headers); // warm-up run, discarded
    const cpuBefore = cpuMsOf(api.pid);
    const result = await autocannon(url, api.headers);
    const cpuMs = cpuMsOf(api.pid) - cpuBefore;
    return {
      nodeFlags: nodeFlags.join(' ') || '(defaults)',
      requestsPerSecond: Math.round(result.requests.average),
      cpuMsPerRequest: (cpuMs / result.requests.total).toFixed(3),
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
