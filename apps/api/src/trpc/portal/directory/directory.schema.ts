import { z } from 'zod';

/** Pages start at 1; a page past the end answers the last page. */
export const ZListDirectoryInput = z.object({ page: z.number().int().min(1).max(100_000).default(1) });

/** Exactly the published fields (SPEC G8): strict, so a field added to the query by mistake fails loudly. */
export const ZListDirectoryOutput = z.strictObject({
  entries: z.array(z.strictObject({ corporateName: z.string(), prefecture: z.string(), membershipNumber: z.string() })),
  page: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});
