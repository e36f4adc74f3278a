// `npm run start:production`: api and worker as two separate processes against real PostgreSQL,
// Redis, S3 and SMTP (settings in the environment; see README "Configuration"). Run migrations
// first with `KYOGIKAI_MODE=production DATABASE_OWNER_URL=... npm run cli -- migrate`.
// If either process stops, the other is stopped too and the exit code says it failed.
import { API_NODE_FLAGS, ensureFrontEndsBuilt, spawnChild, tsxBin } from './lib.mjs';

ensureFrontEndsBuilt();
const env = { ...process.env, KYOGIKAI_MODE: 'production' };
const children = [
  spawnChild(tsxBin, [...API_NODE_FLAGS, 'apps/api/src/main.ts'], { env }),
  spawnChild(tsxBin, ['apps/worker/src/index.ts'], { env }),
];
let exiting = false;
for (const child of children) {
  child.on('exit', (code) => {
    if (exiting) return;
    exiting = true;
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code === 0 ? 1 : (code ?? 1);
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    exiting = true;
    for (const child of children) child.kill(signal);
  });
}
