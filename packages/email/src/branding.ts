import { z } from 'zod';

/** One line of display text: header values must never carry CR/LF or other control characters. */
const displayText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

/** An absolute http(s) URL. `z.httpUrl()` would reject `localhost`, which embedded mode uses. */
export const ZAbsoluteHttpUrl = z.url({ protocol: /^https?$/ });

/**
 * What an email needs to know about the tenant (one sector council). The worker loads it from
 * the tenant row and its config for every job; templates never look anything up themselves, so
 * a job payload carries the tenant id and the look and contact details are applied at render.
 * Field names follow `TTenantConfig` (`mailSender`, `secretariatContact`) so mapping is 1:1.
 */
export const ZEmailBranding = z.strictObject({
  tenantName: z.strictObject({ ja: displayText, en: displayText }),
  /**
   * The tenant's configured public origin (the `tenants.public_origin` column): scheme, host,
   * port and, where tenants are told apart by a path prefix (development, embedded mode), that
   * prefix, e.g. `http://localhost:3000/t/kaigo`. No query or fragment; a trailing slash is
   * dropped. Every link in an email must live under it: see `renderEmail`.
   */
  publicOrigin: ZAbsoluteHttpUrl.refine((value) => !/[?#]/.test(value), {
    message: 'scheme, host and optional path prefix only, e.g. https://council.example.jp',
  }).transform((value) => {
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }),
  mailSender: z.strictObject({ name: displayText, address: z.email() }),
  secretariatContact: z.strictObject({
    name: displayText,
    email: z.email(),
    phone: displayText,
    hours: displayText,
  }),
});
export type TEmailBranding = z.input<typeof ZEmailBranding>;

/** Preview data for the react-email preview server and tests; not a real council. */
export const previewBranding: TEmailBranding = {
  tenantName: { ja: 'さくら介護分野協議会', en: 'Sakura Care Sector Council' },
  publicOrigin: 'https://sakura.example.jp',
  mailSender: { name: 'さくら介護分野協議会 事務局', address: 'no-reply@sakura.example.jp' },
  secretariatContact: {
    name: 'さくら介護分野協議会 事務局',
    email: 'secretariat@sakura.example.jp',
    phone: '03-1234-5678',
    hours: '平日 10:00〜17:00（土日祝・年末年始を除く）',
  },
};
