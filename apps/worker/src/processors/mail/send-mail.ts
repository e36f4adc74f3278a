import {
  EmailInputError,
  emailTemplateCatalog,
  renderEmail,
  type TEmailBranding,
  type TEmailTemplateName,
  type TEmailTemplateProps,
} from '@kyogikai/email';
import { consoleJobLogger, PermanentJobError, parseMailJob, type TJobLogger, type TMailJob } from '@kyogikai/jobs';
import type { Address, Transporter } from 'nodemailer';

export type TMailProcessor = (job: TMailJob) => Promise<void>;

export type TMailProcessorOptions = {
  /**
   * The tenant's branding (names, public origin, sender, secretariat). Throw `PermanentJobError`
   * when the tenant does not exist or its config cannot make an email; other errors are retried.
   */
  loadBranding(tenantId: string): Promise<TEmailBranding>;
  /** Any nodemailer transport: SMTP in production, an in-process capture in embedded mode. */
  transport: Transporter;
  /** Overrides the sender; by default the tenant's configured `mailSender`. */
  from?(branding: TEmailBranding): Address | string;
  logger?: TJobLogger;
};

/**
 * The Message-ID for a mail job: the same job always produces the same header, so when a retry
 * re-sends a message whose first delivery did succeed (the worker died before recording it),
 * receiving systems can recognise the duplicate. `messageId` is restricted to [A-Za-z0-9._-].
 */
export function mailMessageIdHeader(job: Pick<TMailJob, 'messageId'>, senderAddress: string): string {
  const domain = senderAddress.slice(senderAddress.lastIndexOf('@') + 1);
  return `<${job.messageId}@${domain}>`;
}

/**
 * Builds the processor that both queues run (the BullMQ worker in production, the inline queue
 * in embedded mode): validate the job, load the tenant's branding, render, send. Everything that
 * retrying cannot fix is thrown as `PermanentJobError`; transport and database errors are thrown
 * as they are, so the queue retries them.
 */
export function createMailProcessor(options: TMailProcessorOptions): TMailProcessor {
  const logger = options.logger ?? consoleJobLogger;
  return async (input) => {
    const job = parseMailJob(input, emailTemplateCatalog);
    const branding = await options.loadBranding(job.tenantId);

    let rendered: Awaited<ReturnType<typeof renderEmail>>;
    try {
      // `parseMailJob` has checked the name and the props against this template's schema.
      const template = job.template as TEmailTemplateName;
      rendered = await renderEmail(template, job.props as TEmailTemplateProps[TEmailTemplateName], branding);
    } catch (error) {
      if (error instanceof EmailInputError) {
        throw new PermanentJobError(`mail ${job.messageId} cannot be rendered: ${error.message}`, { cause: error });
      }
      throw error;
    }

    const sender = { name: branding.mailSender.name, address: branding.mailSender.address };
    const info = await options.transport.sendMail({
      from: options.from ? options.from(branding) : sender,
      to: job.to,
      // Replies go to people who can answer them, not to the sending address.
      replyTo: { name: branding.secretariatContact.name, address: branding.secretariatContact.email },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId: mailMessageIdHeader(job, sender.address),
      // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    logger.info(
      { messageId: job.messageId, tenantId: job.tenantId, template: job.template, response: (info as { response?: unknown }).response },
      'mail sent',
    );
  };
}
