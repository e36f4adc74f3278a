import { CONSENT_DOCUMENT_KEYS } from '@kyogikai/domain';
import { foreignKey, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { enumValues, oneOf, timestamptz } from './columns';
import { tenantIsolationPolicy } from './rls';
import { users } from './users';

/**
 * Which version of each consent document a user agreed to, and when (SPEC A3). Append-only for
 * the app role; agreeing again to the same version is a no-op (`on conflict do nothing`).
 */
export const consentAgreements = pgTable(
  'consent_agreements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    documentKey: text('document_key', { enum: enumValues(CONSENT_DOCUMENT_KEYS) }).notNull(),
    documentVersion: text('document_version').notNull(),
    agreedAt: timestamptz('agreed_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'consent_agreements_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    unique('consent_agreements_unique').on(t.tenantId, t.userId, t.documentKey, t.documentVersion),
    oneOf('consent_agreements_document_key_check', t.documentKey, CONSENT_DOCUMENT_KEYS),
    tenantIsolationPolicy(),
  ],
);
