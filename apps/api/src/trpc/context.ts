import { withTenant, type Database, type TenantRecord, type TenantTx } from '@kyogikai/db';
import type { TSessionApp } from '@kyogikai/domain';
import type { SessionPolicy } from '../auth/sessions';
import type { ThrottlePolicy } from '../auth/sign-in-throttle';
import type { Clock } from '../clock';
import type { FileStore } from '../storage/object-storage';

/** What every procedure can rely on; built per request by the HTTP layer (or by a test). */
export interface ApiContext {
  app: TSessionApp;
  tenant: TenantRecord;
  database: Database;
  /** Uploaded documents; only deletions happen inside procedures (after their transaction commits). */
  storage: FileStore;
  clock: Clock;
  sessionPolicy: SessionPolicy;
  throttlePolicy: ThrottlePolicy;
  sleep: (ms: number) => Promise<void>;
  /** The raw session cookie value, if the browser sent one. */
  sessionToken: string | null;
  /** The client said a person caused this request (see packages/ui activity tracker). */
  isUserActivity: boolean;
  clientAddress: string;
  /** Builds an absolute link from the tenant's configured public origin (never the Host header). */
  tenantUrl: (path: string) => string;
  cookies: {
    setSession(token: string, expiresAt: Date): void;
    clearSession(): void;
  };
}

/** Runs database work in one transaction scoped to the request's tenant. */
export function inTenant<T>(ctx: Pick<ApiContext, 'database' | 'tenant'>, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withTenant(ctx.database, ctx.tenant.id, fn);
}
