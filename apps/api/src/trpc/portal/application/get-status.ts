import { schema } from '@kyogikai/db';
import { isEditableByApplicant } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { findCurrentApplication } from '../../../organisation/open-application';
import { memberProcedure } from '../../procedures';
import { ZApplicationStatusOutput } from './application.schema';

/**
 * Where the organisation's application stands, for マイページ (SPEC C1, C2): after a return, the
 * secretariat's message and that it can be corrected and resubmitted; after a rejection, the reason.
 * Internal notes and document checks are staff-only and never part of it. Null before any application.
 */
export const status = memberProcedure('view')
  .output(ZApplicationStatusOutput)
  .query(({ ctx }) =>
    ctx.inOrganisation(async (tx) => {
      const current = await findCurrentApplication(tx);
      if (!current) return null;
      const a = schema.applications;
      const [row] = await tx.select().from(a).where(eq(a.id, current.id));
      if (!row) return null;
      return {
        id: row.id,
        state: row.state,
        version: row.version,
        referenceNumber: row.referenceNumber,
        submittedAt: row.submittedAt,
        resubmittedAt: row.resubmittedAt,
        returnedAt: row.returnedAt,
        returnedMessage: row.state === 'returned' ? row.returnedMessage : null,
        decidedAt: row.decidedAt,
        decisionReason: row.state === 'rejected' ? row.decisionReason : null,
        isEditable: isEditableByApplicant(row.state),
      };
    }),
  );
