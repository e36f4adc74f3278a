import { ORGANISATION_ROLES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumValues, oneOf, timestamptz } from './columns';
import { organisations } from './organisations';
import { organisationIsolationPolicy } from './rls';
import { users } from './users';

/**
 * Invitations to act for a member organisation (SPEC G7, ADR 022). Sent to an address, which may
 * or may not have an account yet, so unlike `account_tokens` the row names no user until it is
 * accepted. Only the SHA-256 of the link's token is stored. An invitation works once
 * (`accepted_at`), until `expires_at`, and not after it was cancelled (by the member, or by a
 * newer invitation to the same address). Rows stay as the record of who was invited by whom.
 */
export const organisationInvitations = pgTable(
  'organisation_invitations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    /** As typed by the member (normalised); compared case-insensitively. */
    email: text('email').notNull(),
    role: text('role', { enum: enumValues(ORGANISATION_ROLES) }).notNull(),
    /** Hex SHA-256 of the token (32 random bytes, base64url) that the link carries. */
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: uuid('invited_by_user_id').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    acceptedByUserId: uuid('accepted_by_user_id'),
    cancelledAt: timestamptz('cancelled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'organisation_invitations_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({
      name: 'organisation_invitations_invited_by_fk',
      columns: [t.tenantId, t.invitedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'organisation_invitations_accepted_by_fk',
      columns: [t.tenantId, t.acceptedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    unique('organisation_invitations_tenant_id_token_hash_unique').on(t.tenantId, t.tokenHash),
    index('organisation_invitations_tenant_id_organisation_id_idx').on(t.tenantId, t.organisationId),
    oneOf('organisation_invitations_role_check', t.role, ORGANISATION_ROLES),
    check('organisation_invitations_token_hash_check', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check('organisation_invitations_accepted_check', sql`(${t.acceptedAt} is null) = (${t.acceptedByUserId} is null)`),
    organisationIsolationPolicy(),
  ],
);
