import { ZUserRole } from '@kyogikai/domain';
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
