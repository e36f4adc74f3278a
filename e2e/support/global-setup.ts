import { APPS_BUILT_FLAG, ensureAppsBuilt } from './build-apps';

/** vitest global setup: build the SPAs once before any journey starts a server. */
export function setup(): void {
  ensureAppsBuilt();
  // Test workers start after this and inherit the flag: they must not rebuild (and empty dist)
  // while another worker's server is serving it.
  process.env[APPS_BUILT_FLAG] = '1';
}
