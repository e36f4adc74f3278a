import { ensureAppsBuilt } from './build-apps';

/** vitest global setup: build the SPAs once before any journey starts a server. */
export function setup(): void {
  ensureAppsBuilt();
}
