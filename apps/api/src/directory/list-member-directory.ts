import { type Database, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { and, asc, count, eq } from 'drizzle-orm';

/** Rows per page of the public directory. */
export const DIRECTORY_PAGE_SIZE = 50;

export type DirectoryEntry = { corporateName: string; prefecture: string; membershipNumber: string };
export type DirectoryPage = { entries: DirectoryEntry[]; page: number; pageCount: number; total: number };

/**
 * The council's public member directory (SPEC G8), read without a session. What can come out is
 * decided here and nowhere else: only this tenant (named in the query and enforced by RLS), only
 * active members that opted in (a withdrawn member disappears the moment it withdraws), and only
 * the three published fields — never an id, an address line, a contact or a date. Sorted by the
 * kana reading (then by membership number, so equal readings page stably).
 */
export async function listMemberDirectory(database: Database, tenant: TenantRecord, requestedPage: number): Promise<DirectoryPage> {
  const o = schema.organisations;
  const listed = and(eq(o.tenantId, tenant.id), eq(o.membershipState, 'active'), eq(o.directoryOptIn, true));
  return withTenant(database, tenant.id, async (tx) => {
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(o).where(listed);
    const pageCount = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
    const page = Math.min(Math.max(1, requestedPage), pageCount);
    const rows = await tx
      .select({ corporateName: o.corporateName, prefecture: o.prefecture, membershipNumber: o.membershipNumber })
      .from(o)
      .where(listed)
      .orderBy(asc(o.corporateNameKana), asc(o.membershipNumber))
      .limit(DIRECTORY_PAGE_SIZE)
      .offset((page - 1) * DIRECTORY_PAGE_SIZE);
    const entries = rows.map((row) => ({
      corporateName: row.corporateName ?? '',
      prefecture: row.prefecture ?? '',
      membershipNumber: row.membershipNumber ?? '',
    }));
    return { entries, page, pageCount, total };
  });
}
