import { createEstablishment } from '../../../registered-data/establishments';
import { editActor } from '../edit-actor';
import { memberProcedure } from '../../procedures';
import { ZCreateEstablishmentInput, ZCreateEstablishmentOutput } from './establishment.schema';

/** 「受入れ事業所の追加」 (SPEC B4a); refused under review (C1). */
export const create = memberProcedure('edit')
  .input(ZCreateEstablishmentInput)
  .output(ZCreateEstablishmentOutput)
  .mutation(({ ctx, input }) => ctx.inOrganisation((tx) => createEstablishment(tx, editActor(ctx), ctx.tenant.config, input)));
