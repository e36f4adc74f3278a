import { insertOutboxMail, type TenantTx } from '@kyogikai/db';
import { parseEmailProps, type TEmailContent } from '@kyogikai/email';

/**
 * Writes a mail to the outbox in the caller's transaction, typed by template: the props are
 * checked against the template's schema here, so a wrong prop fails the change that asked for
 * the mail instead of failing later in the worker where nobody sees it.
 */
export function queueMail(tx: TenantTx, tenantId: string, to: string, content: TEmailContent) {
  const props = parseEmailProps(content.template, content.props);
  return insertOutboxMail(tx, { tenantId, to, template: content.template, props });
}
