import { recordAudit, withTenant } from '@kyogikai/db';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { ApiDeps } from '../app-deps';
import { clientAddress } from '../http/client-address';
import { requireSession } from '../http/require-session';
import type { TenantEnv } from '../http/tenant-env';
import { QUEUE_ROLES, type TQueueRow, ZQueueFilter } from '../trpc/admin/applications/applications.schema';
import {
  resolveQueueSearch,
  selectQueuePage,
  type TQueueCursor,
  type TQueuePageRow,
  withWaiting,
} from '../trpc/admin/applications/queue-queries';
import { csvField } from './audit-export';

const BATCH = 500;

/** Japanese headers: the file is opened by secretariat staff in Excel. */
const HEADER = [
  '受付番号',
  '法人名',
  '法人名フリガナ',
  '法人番号',
  '状態',
  '受付日時',
  '待ち日数（営業日）',
  '目標超過',
  '特定技能外国人数',
];

/** The state as the admin console shows it (Japanese; the file has no language switch). */
const STATE_LABELS: Record<TQueueRow['state'], string> = {
  submitted: '受付済み',
  under_review: '審査中',
  returned: '差し戻し中',
  resubmitted: '再提出',
  forwarded: '所管省庁の承認待ち',
  approved: '承認',
  rejected: '却下',
  withdrawn: '取り下げ',
};

const japanTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function csvLine(row: TQueueRow): string {
  return [
    row.referenceNumber,
    row.corporateName,
    row.corporateNameKana,
    row.corporateNumber,
    STATE_LABELS[row.state],
    japanTime.format(row.waitingSince),
    row.workingDaysWaiting === null ? '' : String(row.workingDaysWaiting),
    row.isOverTarget ? '超過' : '',
    String(row.workerCount),
  ]
    .map(csvField)
    .join(',');
}

/**
 * The staff queue as CSV (SPEC G1, issue 6 item 9): the same filter as the queue page
 * (`?state=open&q=…`), every matching row, oldest waiting first. Streamed in keyset batches of
 * short transactions, so a queue of 100,000 never sits in memory or holds a transaction open. UTF-8
 * with a BOM so Excel reads the Japanese; RFC 4180 quoting; cells that Excel would run as a
 * formula are neutralised (csvField). The export is recorded in the audit trail.
 */
export function applicationExportRoutes(deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode' | 'trustedProxyHops'>) {
  return new Hono<TenantEnv>().get('/applications.csv', requireSession(deps, 'admin', QUEUE_ROLES), async (c) => {
    const { tenant, session } = c.var;
    const parsed = ZQueueFilter.safeParse({ state: c.req.query('state') || undefined, q: c.req.query('q') || undefined });
    if (!parsed.success) return c.json({ error: { messageKey: 'validation.invalid', message: 'Invalid filter' } }, 400);
    const filter = parsed.data;
    const now = deps.clock.now();
    const target = tenant.config.reviewTargetWorkingDays;
    // The search is resolved once; every batch pages through the same matches.
    const search = await withTenant(deps.database, tenant.id, async (tx) => {
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: session.user.id,
        action: 'applications.exported',
        targetType: 'applications',
        targetId: null,
        after: filter,
        ip: clientAddress(c, deps.trustedProxyHops),
      });
      return resolveQueueSearch(tx, tenant.id, filter.q);
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="applications-${tenant.slug}.csv"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      await out.write(`\uFEFF${HEADER.map(csvField).join(',')}\r\n`);
      let after: TQueueCursor | null = null;
      for (;;) {
        const cursor: TQueueCursor | null = after;
        const { rows }: { rows: TQueuePageRow[] } = await withTenant(deps.database, tenant.id, (tx) =>
          selectQueuePage(tx, { tenantId: tenant.id, filter, search, after: cursor, limit: BATCH }),
        );
        if (rows.length === 0) break;
        await out.write(`${rows.map(({ waitingKey: _, ...row }) => csvLine(withWaiting(row, now, target))).join('\r\n')}\r\n`);
        const last: TQueuePageRow | undefined = rows[rows.length - 1];
        if (!last || rows.length < BATCH) break;
        after = { waitingSince: last.waitingKey, id: last.id };
      }
    });
  });
}
