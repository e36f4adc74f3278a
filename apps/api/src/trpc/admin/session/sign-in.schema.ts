import { z } from 'zod';
import { ZSignInOutput } from '../../shared/session/session.schema';

export const ZAdminSignInInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, { message: 'auth.emailRequired' })
    .max(254)
    .pipe(z.email({ message: 'validation.email' })),
  password: z.string().min(1, { message: 'auth.passwordRequired' }).max(128),
});
export const ZAdminSignInOutput = ZSignInOutput;
