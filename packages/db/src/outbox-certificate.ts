import { randomUUID } from 'node:crypto';
import type { TenantTx } from './database';
import { outboxMessages } from './schema';
import type { TCertificateNotifyTemplate, TOutboxCertificatePayload } from './schema/outbox';

export type CertificateGenerationInput = {
  tenantId: string;
  certificateId: string;
  /** The mail sent to the organisation's contact once the PDF is stored. */
  notifyTemplate: TCertificateNotifyTemplate;
};

/** The queue's job id of a certificate's generation: one job per certificate (dedupe). */
export function certificateJobId(certificateId: string): string {
  return `certificate.${certificateId}`;
}

/**
 * Asks for a certificate's PDF in the caller's transaction (ADR 018): the relay moves the row to
 * the certificate queue once the approval commits, so an approval is never left without its
 * certificate even when Redis is down at the time. Works under withTenant.
 */
export async function queueCertificateGeneration(
  tx: TenantTx,
  input: CertificateGenerationInput,
): Promise<{ id: string; messageId: string }> {
  const id = randomUUID();
  const messageId = certificateJobId(input.certificateId);
  const payload: TOutboxCertificatePayload = {
    tenantId: input.tenantId,
    messageId,
    certificateId: input.certificateId,
    notifyTemplate: input.notifyTemplate,
  };
  await tx.insert(outboxMessages).values({ id, tenantId: input.tenantId, kind: 'certificate', payload });
  return { id, messageId };
}
