import { ZPassword, ZStaffRole, ZUserRole } from '@kyogikai/domain';
import { z } from 'zod';

export const ZStaffMember = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: ZUserRole,
  status: z.enum(['provisional', 'active', 'disabled']),
});

export const ZGetStaffInput = z.object({ id: z.uuid({ message: 'validation.invalid' }) });
export const ZGetStaffOutput = ZStaffMember;
export const ZListStaffOutput = z.array(ZStaffMember);

export const ZCreateStaffInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, { message: 'auth.emailRequired' })
    .max(254)
    .pipe(z.email({ message: 'validation.email' })),
  displayName: z.string().trim().min(1, { message: 'validation.required' }).max(100),
  role: ZStaffRole,
  /** The initial password, handed over by the creator; the mail never contains it. */
  password: ZPassword,
});
export const ZCreateStaffOutput = ZStaffMember;
