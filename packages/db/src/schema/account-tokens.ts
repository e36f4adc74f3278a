import { ACCOUNT_LINK_PURPOSES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumValues, oneOf, timestamptz } from './columns';
import { tenantIsolationPolicy } from './rls';
import { users } from './users';

/**
 * The tokens of emailed account links (issue 4, ADR 016): activation of a provisional account
 * (SPEC A4-A5) and password reset (G4). Only the SHA-256 of the token is stored; the token itself
 * exists in the mail alone. A token works once (`used_at`), until `expires_at`, and not after it
 * was superseded by a newer link (`revoked_at`). Rows stay as the record of what was sent.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', { enum: enumValues(ACCOUNT_LINK_PURPOSES) }).notNull(),
    /** Hex SHA-256 of the token (32 random bytes, base64url) that the link carries. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    /** Set once, by the request that used the link; a used link never works again. */
    usedAt: timestamptz('used_at'),
    /** Set when a newer link of the same purpose was sent (e.g. 「再送信」): the old one stops working. */
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'account_tokens_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      'cascade',
    ),
    unique('account_tokens_tenant_id_token_hash_unique').on(t.tenantId, t.tokenHash),
    index('account_tokens_tenant_id_user_id_purpose_idx').on(t.tenantId, t.userId, t.purpose),
    oneOf('account_tokens_purpose_check', t.purpose, ACCOUNT_LINK_PURPOSES),
    check('account_tokens_token_hash_check', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    tenantIsolationPolicy(),
  ],
);
