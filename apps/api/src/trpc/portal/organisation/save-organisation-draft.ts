import { saveOrganisationDraft } from '../../../organisation/save-organisation-draft';
import { memberProcedure } from '../../procedures';
import { ZSaveOrganisationDraftInput, ZSaveOrganisationDraftOutput } from './organisation.schema';

/** 一時保存 of STEP1 (SPEC B2, B3): saves incomplete input; a stale version is a CONFLICT. */
export const saveDraft = memberProcedure('edit')
  .input(ZSaveOrganisationDraftInput)
  .output(ZSaveOrganisationDraftOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      saveOrganisationDraft(tx, {
        tenantId: ctx.tenant.id,
        organisationId: ctx.organisation.id,
        actorUserId: ctx.session.user.id,
        clientAddress: ctx.clientAddress,
        version: input.version,
        values: input.values,
      }),
    ),
  );
