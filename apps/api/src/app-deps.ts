import type { Database } from '@kyogikai/db';
import type { SessionPolicy } from './auth/sessions';
import type { ThrottlePolicy } from './auth/sign-in-throttle';
import type { Clock } from './clock';
import type { TRunMode } from './env';
import type { FileStore } from './storage/object-storage';

/** Everything the HTTP app needs, built once per process by bootstrap (or by a test). */
export interface ApiDeps {
  mode: TRunMode;
  /** Connected as the app role (RLS applies); never the owner. */
  database: Database;
  jobs: { health(): Promise<string> };
  /** Uploaded documents (ADR 017); tests that store no files pass `unavailableFileStore()`. */
  storage: FileStore;
  clock: Clock;
  sessionPolicy: SessionPolicy;
  throttlePolicy: ThrottlePolicy;
  sleep: (ms: number) => Promise<void>;
  /** Reverse proxies in front of the API that append to X-Forwarded-For (see http/client-address.ts). */
  trustedProxyHops?: number;
  /** Folders holding the built SPAs. */
  staticRoots: { portal: string; admin: string };
  /** Captured mail folder; only in embedded and test modes. */
  mailboxDirectory?: string;
  /** Tenants listed on the embedded start page; only in embedded mode. */
  devIndex?: { slug: string; nameJa: string }[];
}

export function isPathPrefixAllowed(mode: TRunMode): boolean {
  return mode !== 'production';
}
