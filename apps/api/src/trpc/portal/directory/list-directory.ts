import { listMemberDirectory } from '../../../directory/list-member-directory';
import { publicProcedure } from '../../init';
import { ZListDirectoryInput, ZListDirectoryOutput } from './directory.schema';

/** The council's public member directory (SPEC G8): no session, this tenant only, opted-in active members. */
export const listDirectory = publicProcedure
  .input(ZListDirectoryInput)
  .output(ZListDirectoryOutput)
  .query(({ ctx, input }) => listMemberDirectory(ctx.database, ctx.tenant, input.page));
