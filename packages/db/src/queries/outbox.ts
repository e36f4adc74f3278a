import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { TenantTx } from '../database';
import { outboxMessages } from '../schema';
import type { TOutboxMailPayload } from '../schema/outbox';

export type OutboxMailInput = {
  tenantId: string;
  to: string;
  template: string;
  props: Record<string, unknown>;
  /** Defaults to the new row's id. Must be globally unique (it is the BullMQ job id). */
  messageId?: string;
  /** Not relayed before this time; defaults to now. */
  availableAt?: Date;
};

/**
 * Writes a mail to the outbox in the caller's transaction (issue 3 item 5): it is sent if and
 * only if the change commits. Works under withTenant and withOrganisation.
 */
export async function insertOutboxMail(tx: TenantTx, input: OutboxMailInput): Promise<{ id: string; messageId: string }> {
  const id = randomUUID();
  const messageId = input.messageId ?? id;
  const payload: TOutboxMailPayload = { tenantId: input.tenantId, messageId, to: input.to, template: input.template, props: input.props };
  await tx.insert(outboxMessages).values({ id, tenantId: input.tenantId, kind: 'mail', payload, availableAt: input.availableAt });
  return { id, messageId };
}

export type OutboxMessageState = {
  id: string;
  status: (typeof outboxMessages.$inferSelect)['status'];
  attempts: number;
};

/**
 * The outbox row of a mail job, locked until the transaction ends (the worker calls it inside
 * withTenant before sending: a row already `sent` must not be mailed again). Null if unknown.
 */
export async function lockOutboxMessage(tx: TenantTx, messageId: string): Promise<OutboxMessageState | null> {
  const [row] = await tx
    .select({ id: outboxMessages.id, status: outboxMessages.status, attempts: outboxMessages.attempts })
    .from(outboxMessages)
    .where(sql`${outboxMessages.payload} ->> 'messageId' = ${messageId}`)
    .for('update');
  return row ?? null;
}

/** Marks a mail sent. False when it was already sent (or is unknown): the caller must not send again. */
export async function markOutboxSent(tx: TenantTx, messageId: string): Promise<boolean> {
  const rows = await tx
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${outboxMessages.attempts} + 1`, lastError: null })
    .where(and(sql`${outboxMessages.payload} ->> 'messageId' = ${messageId}`, sql`${outboxMessages.status} <> 'sent'`))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt. `final`: no retry will follow, so the mail shows as failed to staff;
 * otherwise it stays enqueued for the queue's own retry.
 */
export async function markOutboxAttemptFailed(
  tx: TenantTx,
  messageId: string,
  error: string,
  options: { final: boolean /** false when this attempt was already counted (the queue's give-up hook) */; countAttempt?: boolean },
): Promise<void> {
  await tx
    .update(outboxMessages)
    .set({
      ...(options.countAttempt === false ? {} : { attempts: sql`${outboxMessages.attempts} + 1` }),
      lastError: error.slice(0, 4000),
      ...(options.final ? { status: 'failed' as const, failedAt: sql`now()` } : {}),
    })
    .where(and(sql`${outboxMessages.payload} ->> 'messageId' = ${messageId}`, sql`${outboxMessages.status} <> 'sent'`));
}

/**
 * Staff retry of a failed mail (issue 6): back to pending, so the relay enqueues it again. A job
 * stuck as `enqueued` (its queue lost it) may be retried the same way. The message gets a new
 * message id: the queue keeps a failed job under its id for weeks and would ignore the same id,
 * and a late run of the old job finds no row under the old id and sends nothing. False if the row
 * is not failed or enqueued.
 */
export async function retryOutboxMessage(tx: TenantTx, id: string): Promise<boolean> {
  const rows = await tx
    .update(outboxMessages)
    .set({
      status: 'pending',
      availableAt: sql`now()`,
      payload: sql`jsonb_set(${outboxMessages.payload}, '{messageId}', to_jsonb(${outboxMessages.id}::text || '.retry' || ${outboxMessages.attempts}::text))`,
    })
    .where(and(eq(outboxMessages.id, id), sql`${outboxMessages.status} in ('failed', 'enqueued')`))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
