import { ZUserRole } from '@kyogikai/domain';
import { z } from 'zod';

export const ZSessionStatusOutput = z.object({
  signedIn: z.boolean(),
  idleExpiresAt: z.date().nullable(),
  warningSeconds: z.number().int(),
});

export const ZCurrentUserOutput = z
  .object({
    user: z.object({
      id: z.uuid(),
      displayName: z.string(),
      role: ZUserRole,
      email: z.string(),
      loginId: z.string().nullable(),
    }),
    idleExpiresAt: z.date(),
    expiresAt: z.date(),
  })
  .nullable();

export const ZExtendSessionOutput = z.object({ idleExpiresAt: z.date() });
export const ZSignOutOutput = z.object({ ok: z.literal(true) });
export const ZSignInOutput = z.object({ user: z.object({ id: z.uuid(), displayName: z.string() }) });
