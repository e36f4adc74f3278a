import { type Database, schema, withTenant } from '@kyogikai/db';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { ApiDeps } from '../app-deps';
import { requireSession } from '../http/require-session';
import type { TenantEnv } from '../http/tenant-env';

const BATCH = 500;
const HEADER = [
  '日時 (occurred_at)',
  '操作者 (actor)',
  '操作者メール (actor_email)',
  '操作 (action)',
  '対象種別 (target_type)',
  '対象ID (target_id)',
  'IPアドレス (ip)',
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas neutralised for Excel. */
export function csvField(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function readBatch(database: Database, tenantId: string, after: { occurredAt: Date; id: string } | null) {
  return withTenant(database, tenantId, (tx) =>
    tx
      .select({
        id: schema.auditEvents.id,
        occurredAt: schema.auditEvents.occurredAt,
        action: schema.auditEvents.action,
        targetType: schema.auditEvents.targetType,
        targetId: schema.auditEvents.targetId,
        ip: schema.auditEvents.ip,
        actorName: schema.users.displayName,
        actorEmail: schema.users.email,
      })
      .from(schema.auditEvents)
      .leftJoin(
        schema.users,
        and(eq(schema.users.tenantId, schema.auditEvents.tenantId), eq(schema.users.id, schema.auditEvents.actorUserId)),
      )
      .where(
        after
          ? or(
              gt(schema.auditEvents.occurredAt, after.occurredAt),
              and(eq(schema.auditEvents.occurredAt, after.occurredAt), gt(schema.auditEvents.id, after.id)),
            )
          : undefined,
      )
      .orderBy(asc(schema.auditEvents.occurredAt), asc(schema.auditEvents.id))
      .limit(BATCH),
  );
}

/**
 * The tenant's audit trail as CSV (SPEC G1), streamed in batches of short transactions so a long
 * trail never sits in memory or holds a transaction open. UTF-8 with a BOM so Excel opens the
 * Japanese correctly. The export itself is recorded in the trail.
 */
export function auditExportRoutes(deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode'>) {
  return new Hono<TenantEnv>().get('/audit-events.csv', requireSession(deps, 'admin', ['secretariat', 'tenant_admin']), async (c) => {
    const { tenant, session } = c.var;
    await withTenant(deps.database, tenant.id, (tx) =>
      tx.insert(schema.auditEvents).values({
        tenantId: tenant.id,
        actorUserId: session.user.id,
        action: 'audit.exported',
        targetType: 'audit_events',
        occurredAt: deps.clock.now(),
      }),
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="audit-events-${tenant.slug}.csv"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      await out.write(`\uFEFF${HEADER.map(csvField).join(',')}\r\n`);
      let after: { occurredAt: Date; id: string } | null = null;
      for (;;) {
        const rows = await readBatch(deps.database, tenant.id, after);
        if (rows.length === 0) break;
        const lines = rows.map((r) =>
          [r.occurredAt.toISOString(), r.actorName, r.actorEmail, r.action, r.targetType, r.targetId, r.ip].map(csvField).join(','),
        );
        await out.write(`${lines.join('\r\n')}\r\n`);
        const last = rows[rows.length - 1];
        if (!last || rows.length < BATCH) break;
        after = { occurredAt: last.occurredAt, id: last.id };
      }
    });
  });
}
