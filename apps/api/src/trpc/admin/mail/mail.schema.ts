import { z } from 'zod';

/** A mail (or certificate job) the queue gave up on, as staff see it in 送信できなかったメール. */
export const ZFailedMail = z.object({
  id: z.uuid(),
  kind: z.enum(['mail', 'certificate']),
  /** The address it was for; null for a certificate job (its mail is written once the PDF is stored). */
  recipient: z.string().nullable(),
  /** The mail template (e.g. application-approved), or `certificate` for a certificate job. */
  template: z.string(),
  /** The corporation a certificate job was for. */
  corporateName: z.string().nullable(),
  /**
   * `failed`: the queue gave up. `stuck`: handed to the queue hours ago and never finished — the
   * queue lost it (an embedded-mode restart drops in-memory jobs; a Redis that lost its data).
   */
  status: z.enum(['failed', 'stuck']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When it failed, or when a stuck one was handed to the queue. */
  failedAt: z.date(),
  createdAt: z.date(),
});
export type TFailedMail = z.infer<typeof ZFailedMail>;

export const ZListFailedMailOutput = z.array(ZFailedMail);
export const ZRetryMailInput = z.object({ id: z.uuid() });
export const ZRetryMailOutput = z.object({ ok: z.literal(true) });
