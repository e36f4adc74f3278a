import { randomUUID } from 'node:crypto';
import {
  type Database,
  insertOutboxMail,
  lockOutboxMessage,
  markOutboxAttemptFailed,
  markOutboxSent,
  recordAudit,
  schema,
  withTenant,
} from '@kyogikai/db';
import { isCertificateCurrent, ZCertificateSnapshot } from '@kyogikai/domain';
import { EmailInputError, parseEmailProps, type TEmailContent } from '@kyogikai/email';
import { consoleJobLogger, PermanentJobError, type TCertificateJob, type TJobLogger } from '@kyogikai/jobs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { hashVerificationCode, newVerificationCode, verificationUrl } from './verification-code';

/**
 * What the certificate job needs of the object store: the API's FileStore in test and embedded
 * mode, an S3 client of its own in the production worker process (s3-certificate-store.ts).
 */
export interface CertificateFileStore {
  put(key: string, bytes: Uint8Array, contentType: 'application/pdf'): Promise<void>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Where one rendering attempt stores its PDF (ADR 018): under the tenant and organisation, like
 * every object key, and unique per attempt, so a losing or crashed attempt never overwrites the
 * file the row points to.
 */
export function certificateObjectKey(tenantId: string, organisationId: string, certificateId: string, attemptId: string): string {
  return `tenants/${tenantId}/organisations/${organisationId}/certificates/${certificateId}/${attemptId}.pdf`;
}

/** The certificate could not be printed (a glyph the font lacks): shown to staff, not retried. */
export class CertificateNotPrintableError extends PermanentJobError {
  override name = 'CertificateNotPrintableError';
}

/**
 * The renderer (pdf-lib, fontkit, harfbuzz, the font) is loaded on the first job, not when the
 * worker starts: a worker process is ready sooner, and one that never renders never pays for it.
 */
let renderer: Promise<typeof import('./render-certificate')> | undefined;
const loadRenderer = () => {
  renderer ??= import('./render-certificate');
  return renderer;
};

export type CertificateProcessorOptions = {
  database: Database;
  store: CertificateFileStore;
  logger?: TJobLogger;
};

type Loaded = {
  outbox: Awaited<ReturnType<typeof lockOutboxMessage>>;
  certificate: typeof schema.certificates.$inferSelect | undefined;
  publicOrigin: string | undefined;
};

/**
 * The certificate job (ADR 018): render the PDF from the row's snapshot with a fresh verification
 * code, store it under a fresh attempt key, then in ONE transaction set object_key and the code's
 * hash (only if no attempt won before), write the member's mail to the outbox and mark this job's
 * outbox row sent. A losing attempt deletes its own object. Nothing is held locked while rendering.
 */
export function createCertificateProcessor(options: CertificateProcessorOptions) {
  const logger = options.logger ?? consoleJobLogger;
  const { database, store } = options;
  const c = schema.certificates;

  async function load(job: TCertificateJob): Promise<Loaded> {
    return withTenant(database, job.tenantId, async (tx) => {
      const outbox = await lockOutboxMessage(tx, job.messageId);
      const [certificate] = await tx.select().from(c).where(eq(c.id, job.certificateId));
      const [tenant] = await tx
        .select({ publicOrigin: schema.tenants.publicOrigin })
        .from(schema.tenants)
        .where(eq(schema.tenants.id, job.tenantId));
      return { outbox, certificate, publicOrigin: tenant?.publicOrigin };
    });
  }

  async function markDone(job: TCertificateJob, note: string) {
    logger.info({ messageId: job.messageId, certificateId: job.certificateId }, note);
    await withTenant(database, job.tenantId, (tx) => markOutboxSent(tx, job.messageId));
  }

  /** The member's mail, built from the organisation's current contact and checked against its template. */
  async function memberMail(
    tx: Parameters<Parameters<typeof withTenant>[2]>[0],
    job: TCertificateJob,
    certificate: typeof c.$inferSelect,
    publicOrigin: string,
  ): Promise<{ to: string; content: TEmailContent } | null> {
    const o = schema.organisations;
    const [organisation] = await tx
      .select({ corporateName: o.corporateName, contactName: o.contactName, contactEmail: o.contactEmail })
      .from(o)
      .where(eq(o.id, certificate.organisationId));
    if (!organisation?.contactEmail) return null;
    const corporateName = organisation.corporateName ?? '';
    const common = {
      corporateName,
      recipientName: organisation.contactName ?? corporateName,
      membershipNumber: certificate.membershipNumber,
      myPageUrl: `${publicOrigin.replace(/\/+$/, '')}/`,
    };
    const content: TEmailContent =
      job.notifyTemplate === 'application-approved'
        ? { template: 'application-approved', props: parseEmailProps('application-approved', common) }
        : {
            template: 'certificate-reissued',
            props: parseEmailProps('certificate-reissued', { ...common, issueNumber: certificate.issueNumber }),
          };
    return { to: organisation.contactEmail, content };
  }

  async function recordNotPrintable(job: TCertificateJob, reason: string) {
    await withTenant(database, job.tenantId, async (tx) => {
      await tx.update(c).set({ failureReason: reason }).where(eq(c.id, job.certificateId));
      await markOutboxAttemptFailed(tx, job.messageId, reason, { final: true });
      await recordAudit(tx, {
        tenantId: job.tenantId,
        actorUserId: null,
        action: 'certificate.generation_failed',
        targetType: 'certificate',
        targetId: job.certificateId,
        after: { failureReason: reason },
      });
    });
  }

  async function process(job: TCertificateJob): Promise<void> {
    const { outbox, certificate, publicOrigin } = await load(job);
    if (!outbox) {
      logger.warn(
        { messageId: job.messageId, tenantId: job.tenantId },
        'certificate job has no outbox row (re-issued or unknown): skipped',
      );
      return;
    }
    if (outbox.status === 'sent') {
      logger.info({ messageId: job.messageId }, 'certificate already generated: skipped');
      return;
    }
    if (!certificate || !publicOrigin) throw new PermanentJobError(`certificate ${job.certificateId} not found in tenant ${job.tenantId}`);
    if (certificate.objectKey) return markDone(job, 'certificate already stored: outbox row closed');
    // A newer certificate replaced this one before it was rendered: nothing to print or mail.
    if (!isCertificateCurrent(certificate.state)) return markDone(job, `certificate is ${certificate.state}: not generated`);

    const snapshot = ZCertificateSnapshot.safeParse(certificate.fields);
    if (!snapshot.success)
      throw new PermanentJobError(`certificate ${certificate.id} has an unreadable snapshot`, { cause: snapshot.error });

    const { CertificateGlyphError, renderCertificate } = await loadRenderer();
    const code = newVerificationCode();
    let pdf: Uint8Array;
    try {
      pdf = await renderCertificate({
        snapshot: snapshot.data,
        verificationCode: code,
        verificationUrl: verificationUrl({ publicOrigin }, code),
      });
    } catch (error) {
      if (error instanceof CertificateGlyphError) {
        await recordNotPrintable(job, error.message);
        throw new CertificateNotPrintableError(error.message, { cause: error });
      }
      throw error;
    }

    const key = certificateObjectKey(job.tenantId, certificate.organisationId, certificate.id, randomUUID());
    await store.put(key, pdf, 'application/pdf');

    let won: boolean;
    try {
      won = await withTenant(database, job.tenantId, async (tx) => {
        const stored = await tx
          .update(c)
          .set({ objectKey: key, verificationCodeHash: hashVerificationCode(code), failureReason: null })
          .where(and(eq(c.id, certificate.id), isNull(c.objectKey)))
          .returning({ id: c.id });
        if (stored.length === 0) return false;
        const mail = await memberMail(tx, job, certificate, publicOrigin);
        if (mail) {
          await insertOutboxMail(tx, {
            tenantId: job.tenantId,
            to: mail.to,
            template: mail.content.template,
            props: mail.content.props,
            messageId: `certificate-mail.${certificate.id}`,
          });
        } else {
          logger.warn({ certificateId: certificate.id }, 'the organisation has no contact email: certificate stored, nobody mailed');
        }
        await markOutboxSent(tx, job.messageId);
        await recordAudit(tx, {
          tenantId: job.tenantId,
          actorUserId: null,
          action: 'certificate.generated',
          targetType: 'certificate',
          targetId: certificate.id,
          after: { objectKey: key, issueNumber: certificate.issueNumber, bytes: pdf.byteLength, mailed: mail !== null },
        });
        return true;
      });
    } catch (error) {
      // The row does not point to this object (the transaction rolled back): do not leave it behind.
      await store
        .delete(key)
        .catch((deleteError: unknown) => logger.warn({ err: deleteError, key }, 'could not delete an unused certificate object'));
      if (error instanceof EmailInputError) throw new PermanentJobError(`certificate mail: ${error.message}`, { cause: error });
      throw error;
    }
    if (!won) {
      logger.info({ certificateId: certificate.id, key }, 'another attempt stored this certificate first: own object deleted');
      await store.delete(key);
    }
  }

  /** Every failed attempt is recorded on the outbox row (its count and last error). */
  async function processRecordingAttempts(job: TCertificateJob): Promise<void> {
    try {
      await process(job);
    } catch (error) {
      if (!(error instanceof CertificateNotPrintableError)) {
        await withTenant(database, job.tenantId, (tx) =>
          markOutboxAttemptFailed(tx, job.messageId, errorText(error), { final: false }),
        ).catch((recordError: unknown) =>
          logger.error({ err: recordError, messageId: job.messageId }, 'could not record the failed attempt'),
        );
      }
      throw error;
    }
  }

  /** The queue gave up: the outbox row shows failed, and the certificate says why (staff see both). */
  async function recordFinalFailure(job: TCertificateJob, error: unknown): Promise<void> {
    await withTenant(database, job.tenantId, async (tx) => {
      await markOutboxAttemptFailed(tx, job.messageId, errorText(error), { final: true, countAttempt: false });
      await tx
        .update(c)
        .set({ failureReason: sql`coalesce(${c.failureReason}, ${errorText(error).slice(0, 1000)})` })
        .where(and(eq(c.id, job.certificateId), isNull(c.objectKey)));
    });
  }

  return { process: processRecordingAttempts, recordFinalFailure };
}
export type CertificateProcessor = ReturnType<typeof createCertificateProcessor>;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
