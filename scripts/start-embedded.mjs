// `npm start`: the whole platform on a machine with no services (embedded mode, see
// apps/api/src/env.ts). Builds the two front ends when needed, then runs the API, which serves
// the portal, the admin console, the API and the development mailbox on one port.
import { API_NODE_FLAGS, ensureFrontEndsBuilt, spawnChild, tsxBin } from './lib.mjs';

ensureFrontEndsBuilt();
const child = spawnChild(tsxBin, [...API_NODE_FLAGS, 'apps/api/src/main.ts'], {
  env: { ...process.env, KYOGIKAI_MODE: 'embedded', NODE_NO_WARNINGS: process.env.NODE_NO_WARNINGS ?? '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
