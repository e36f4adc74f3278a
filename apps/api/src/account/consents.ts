import { schema, type TenantTx } from '@kyogikai/db';
import type { TConsentDocumentKey, TTenantConfig } from '@kyogikai/domain';
import type { FieldError } from '../trpc/app-error';

/** The consent documents a form asked for, with the version the person read and ticked. */
export type TGivenConsents = Partial<Record<TConsentDocumentKey, string>>;

/**
 * SPEC A3: every consent given must be for the version the tenant publishes now, so a document
 * updated while the form was open is refused (`account.consentOutdated`) rather than recorded as
 * agreed to a text the person never saw.
 */
export function outdatedConsents(config: Pick<TTenantConfig, 'consentDocuments'>, consents: TGivenConsents): FieldError[] {
  const current = new Map(config.consentDocuments.map((doc) => [doc.key, doc.version]));
  return Object.entries(consents)
    .filter(([key, version]) => version !== current.get(key as TConsentDocumentKey))
    .map(([key]) => ({ path: `consents.${key}`, messageKey: 'account.consentOutdated' }));
}

/** Records which version of each document the user agreed to, and when (SPEC A3), in the caller's transaction. */
export async function recordConsents(tx: TenantTx, input: { tenantId: string; userId: string; consents: TGivenConsents; now: Date }) {
  const rows = Object.entries(input.consents).map(([documentKey, documentVersion]) => ({
    tenantId: input.tenantId,
    userId: input.userId,
    documentKey: documentKey as TConsentDocumentKey,
    documentVersion: documentVersion ?? '',
    agreedAt: input.now,
  }));
  if (rows.length > 0) await tx.insert(schema.consentAgreements).values(rows).onConflictDoNothing();
}
