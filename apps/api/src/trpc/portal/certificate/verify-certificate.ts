import { verifyCertificate } from '../../../certificates/verify-certificate';
import { publicProcedure } from '../../init';
import { ZVerifyCertificateInput, ZVerifyCertificateOutput } from './certificate.schema';

/**
 * The public verification page's lookup (issue 6 item 7; ADR 019): no session, rate-limited per
 * client address, the same answer for unknown and malformed codes.
 */
export const verify = publicProcedure
  .input(ZVerifyCertificateInput)
  .output(ZVerifyCertificateOutput)
  .query(({ ctx, input }) =>
    verifyCertificate({ database: ctx.database, now: ctx.clock.now() }, ctx.tenant, ctx.clientAddress, input.code),
  );
