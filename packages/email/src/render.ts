import { render, toPlainText } from '@react-email/render';
import { type ComponentType, createElement } from 'react';
import { z } from 'zod';
import { type TEmailBranding, ZEmailBranding } from './branding';
import { EmailInputError, emailTemplates, parseEmailProps, type TEmailTemplateName, type TEmailTemplateProps } from './templates';

/** Same origin, and inside the tenant's path prefix if it has one (`/t/kaigo` must not reach `/t/other`). */
function isUnderPublicOrigin(link: string, publicOrigin: string): boolean {
  const target = new URL(link);
  const base = new URL(publicOrigin);
  if (target.origin !== base.origin) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  return prefix === '' || target.pathname === prefix || target.pathname.startsWith(`${prefix}/`);
}

/** Any template, once its props have been checked against its own schema. */
type TCheckedProps = Record<string, unknown>;
type TCheckedTemplate = {
  subject: (props: TCheckedProps, branding: TEmailBranding) => string;
  links: (props: TCheckedProps) => readonly string[];
  component: ComponentType<TCheckedProps & { branding: TEmailBranding }>;
};

export type TRenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders one email for one tenant. Validates the props with the template's schema and the
 * branding (throws `EmailInputError` on either), checks that every link is on the tenant's public
 * origin (a link built from a request's Host header, or from another tenant, cannot go out), then
 * renders the React tree once: the text part is derived from that HTML with the same converter
 * `render(…, { plainText: true })` uses, so HTML and text cannot drift apart.
 */
export async function renderEmail<T extends TEmailTemplateName>(
  template: T,
  props: TEmailTemplateProps[T],
  branding: TEmailBranding,
): Promise<TRenderedEmail> {
  const parsedProps = parseEmailProps(template, props);
  const brandingResult = ZEmailBranding.safeParse(branding);
  if (!brandingResult.success) {
    throw new EmailInputError('branding', `invalid email branding: ${z.prettifyError(brandingResult.error)}`, {
      cause: brandingResult.error,
    });
  }
  const parsedBranding = brandingResult.data;

  // Widened once here: `parseEmailProps` has just checked these props against this template.
  const definition = emailTemplates[template] as unknown as TCheckedTemplate;
  for (const link of definition.links(parsedProps)) {
    if (!isUnderPublicOrigin(link, parsedBranding.publicOrigin)) {
      throw new EmailInputError(
        'link',
        `email "${template}" links to ${link}, outside the tenant's public origin ${parsedBranding.publicOrigin}`,
      );
    }
  }

  const html = await render(createElement(definition.component, { ...parsedProps, branding: parsedBranding }));
  return {
    subject: definition.subject(parsedProps, parsedBranding),
    html,
    text: toPlainText(html).trim(),
  };
}
