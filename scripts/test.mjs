// `npm test`: every test in the repo against the real PostgreSQL and Redis (override with
// TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL), then the Playwright journeys in Debian chromium;
// the certificate tests need Debian poppler-utils (installed here as root, like chromium).
// It checks what it needs first and says exactly what to do when something is missing.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { canConnect, ensureFrontEndsBuilt, repoRoot, run } from './lib.mjs';

const databaseUrl = process.env.TEST_DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function fail(message) {
  console.error(`\nnpm test cannot run: ${message}\n`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs Debian packages as root (apt-get), or stops with the exact command to run. */
function ensureDebianPackage(pkg, isPresent, why) {
  if (isPresent()) return;
  if (!isRoot) fail(`Debian ${pkg} is missing (${why}). Install it with:\n  sudo apt-get update && sudo apt-get install -y ${pkg}`);
  console.log(`Installing Debian ${pkg} for ${why} (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', pkg], { env }) !== 0) {
    fail(`apt-get could not install ${pkg}. Run: apt-get update && apt-get install -y ${pkg}`);
  }
}

ensureDebianPackage('chromium', () => existsSync(chromium), 'the browser journeys');
// The certificate tests read the PDF's text (pdftotext) and render the page (pdftoppm) to see the glyphs drawn.
ensureDebianPackage(
  'poppler-utils',
  () => existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm'),
  'the certificate PDF tests',
);
// Without a Japanese font Chromium draws every kana and kanji as a box: the assertions read text and
// pass anyway, but the journeys' screenshots (e2e/artifacts) would show nothing a reviewer can read.
ensureDebianPackage('fonts-ipafont-gothic', () => existsSync('/usr/share/fonts/opentype/ipafont-gothic'), 'readable journey screenshots');
if (!(await canConnect(databaseUrl))) {
  fail(
    `PostgreSQL does not answer at ${new URL(databaseUrl).host}. Start it with:\n  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
  );
}
if (!(await canConnect(redisUrl))) {
  fail(
    `Redis does not answer at ${new URL(redisUrl).host}. Start it with:\n  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no`,
  );
}

ensureFrontEndsBuilt();
const resultsDir = path.join(repoRoot, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const reporters = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${path.join(resultsDir, `${name}.json`)}`];
const unit = run('npx', ['vitest', 'run', ...reporters('unit'), ...process.argv.slice(2)]);
const e2e = run('npm', ['run', 'test', '--workspace', '@kyogikai/e2e', '--', ...reporters('e2e')]);

// One closing line for both runs, in the plain form CI reads: "tests: N passed, N failed".
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const name of ['unit', 'e2e']) {
  try {
    const report = JSON.parse(readFileSync(path.join(resultsDir, `${name}.json`), 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed += 1; // a run that left no report did not pass
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (unit !== 0 || e2e !== 0) {
  console.error(`\nFailed: ${[unit !== 0 && 'unit and integration tests', e2e !== 0 && 'browser journeys'].filter(Boolean).join(' and ')}`);
  process.exit(1);
}
