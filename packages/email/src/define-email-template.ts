import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { TEmailBranding } from './branding';

/**
 * How `renderEmail` sees a template. The component takes the parsed props plus `branding`;
 * `links` names every URL the email will contain so `renderEmail` can check each one is on the
 * tenant's public origin before anything is rendered.
 */
export type TEmailTemplateDefinition<TSchema extends z.ZodType<Record<string, unknown>>> = {
  schema: TSchema;
  subject: (props: z.output<TSchema>, branding: TEmailBranding) => string;
  links: (props: z.output<TSchema>) => readonly string[];
  component: ComponentType<z.output<TSchema> & { branding: TEmailBranding }>;
};

export function defineEmailTemplate<TSchema extends z.ZodType<Record<string, unknown>>>(
  definition: TEmailTemplateDefinition<TSchema>,
): TEmailTemplateDefinition<TSchema> {
  return definition;
}
