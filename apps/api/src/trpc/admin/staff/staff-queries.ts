import { schema, type TenantTx } from '@kyogikai/db';
import { and, asc, eq, type SQL } from 'drizzle-orm';

const staffColumns = {
  id: schema.users.id,
  displayName: schema.users.displayName,
  email: schema.users.email,
  role: schema.users.role,
  status: schema.users.status,
};

/** Staff of the transaction's tenant; RLS already limits rows to it, the kind filter to staff. */
export function selectStaff(tx: TenantTx, where?: SQL) {
  return tx
    .select(staffColumns)
    .from(schema.users)
    .where(where ? and(eq(schema.users.kind, 'staff'), where) : eq(schema.users.kind, 'staff'))
    .orderBy(asc(schema.users.displayName));
}
