import { z } from 'zod';

/** Only what a visitor may see about the council; whitelisted so config internals never leak. */
export const ZGetTenantOutput = z.object({
  slug: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  issuer: z.object({ ja: z.string(), en: z.string() }),
  secretariat: z.object({ name: z.string(), email: z.string(), phone: z.string(), hours: z.string() }),
  /** Whether STEP1 requires the 13-digit 法人番号 in this council. */
  corporateNumberRequired: z.boolean(),
  /** Canonical links, from the tenant's configured origin (never from the request's Host). */
  links: z.object({ portal: z.url(), admin: z.url() }),
});
