import { updateEstablishment } from '../../../registered-data/establishments';
import { editActor } from '../edit-actor';
import { memberProcedure } from '../../procedures';
import { ZUpdateEstablishmentInput, ZUpdateEstablishmentOutput } from './establishment.schema';

/** Edits an establishment while the application is editable; a stale version is CONFLICT `common.conflict`. */
export const update = memberProcedure('edit')
  .input(ZUpdateEstablishmentInput)
  .output(ZUpdateEstablishmentOutput)
  .mutation(({ ctx, input }) => ctx.inOrganisation((tx) => updateEstablishment(tx, editActor(ctx), ctx.tenant.config, input)));
