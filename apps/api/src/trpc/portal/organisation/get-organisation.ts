import { schema } from '@kyogikai/db';
import { PERMISSIONS } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { memberProcedure } from '../../procedures';
import { ZGetOrganisationOutput } from './organisation.schema';

/** The acting organisation's registered data (マイページ, STEP1). */
export const getOrganisation = memberProcedure('view')
  .output(ZGetOrganisationOutput)
  .query(async ({ ctx }) => {
    const [row] = await ctx.inOrganisation((tx) =>
      tx.select().from(schema.organisations).where(eq(schema.organisations.id, ctx.organisation.id)),
    );
    if (!row) throw notFound('organisation.notFound');
    return {
      ...row,
      myRole: ctx.organisation.role,
      myPermissions: PERMISSIONS.filter((permission) => ctx.organisation.permissions.has(permission)),
    };
  });
