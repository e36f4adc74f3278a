import { setDirectoryOptIn } from '../../../membership/set-directory-opt-in';
import { memberProcedure } from '../../procedures';
import { ZSetDirectoryOptInInput, ZSetDirectoryOptInOutput } from './membership.schema';

/** SPEC G8 after joining: 会員名簿への掲載 changed on マイページ, applied at once (D5-style). */
export const setDirectoryOptInProcedure = memberProcedure('submit')
  .input(ZSetDirectoryOptInInput)
  .output(ZSetDirectoryOptInOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      setDirectoryOptIn(tx, {
        tenant: ctx.tenant,
        organisationId: ctx.organisation.id,
        userId: ctx.session.user.id,
        permissions: ctx.organisation.permissions,
        clientAddress: ctx.clientAddress,
        directoryOptIn: input.directoryOptIn,
      }),
    ),
  );
