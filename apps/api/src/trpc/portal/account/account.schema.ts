import {
  ZAccountLinkPurpose,
  ZAccountLinkToken,
  ZEmailAddress,
  ZLoginId,
  ZPasswordChangeForm,
  ZPasswordResetForm,
  ZProvisionalAccountRequest,
} from '@kyogikai/domain';
import { z } from 'zod';

/** The forms are the domain's schemas, shared with the portal (checked before submit and here). */
export const ZRequestProvisionalAccountInput = ZProvisionalAccountRequest;
export const ZOkOutput = z.object({ ok: z.literal(true) });

/** Lenient on purpose: a garbled or truncated link is answered `invalid`, not refused as bad input. */
export const ZCheckAccountLinkInput = z.object({ token: z.string().max(4000), purpose: ZAccountLinkPurpose });
export const ZCheckAccountLinkOutput = z.object({ status: z.enum(['valid', 'expired', 'used', 'invalid']) });

export const ZActivateAccountInput = z.object({
  token: ZAccountLinkToken,
  loginId: ZLoginId,
  password: z.string().min(1, { message: 'auth.passwordRequired' }).max(128),
});
export const ZActivateAccountOutput = z.object({ user: z.object({ id: z.uuid(), displayName: z.string() }) });

export const ZEmailOnlyInput = z.object({ email: ZEmailAddress });

export const ZResetPasswordInput = ZPasswordResetForm;
export const ZChangePasswordInput = ZPasswordChangeForm;
