import { type SQL, sql } from 'drizzle-orm';
import { check, integer, type PgColumn, timestamp } from 'drizzle-orm/pg-core';

// Column and constraint helpers shared by the table files. Not re-exported from schema/index.ts,
// which must export tables only (it is the schema drizzle-kit diffs and drizzle() is given).

/** `'a', 'b', 'c'` for an `in (...)` CHECK built from one of the domain's constant lists. */
export const inList = (values: readonly string[]): SQL => sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));

/** A CHECK that keeps a text column to the values of a domain list (states, roles, kinds). */
export function oneOf(name: string, column: PgColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${inList(values)})`);
}

/** A tuple type drizzle's `text(..., { enum })` accepts, from a readonly domain list. */
export function enumValues<T extends string>(values: readonly T[]): [T, ...T[]] {
  return values as unknown as [T, ...T[]];
}

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * On versioned tables the trigger `bump_row_version` (migration 0003) sets `updated_at = now()`
 * and `version = old.version + 1` on every UPDATE, whatever the statement says.
 */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Optimistic concurrency: read `version`, then `update ... where id = $id and version = $read`.
 * Zero rows updated means someone else saved first. The trigger increments it; never set it.
 */
export const version = () => integer('version').notNull().default(1);

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
