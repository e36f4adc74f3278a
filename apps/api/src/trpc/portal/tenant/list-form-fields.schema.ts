import { ZCustomField } from '@kyogikai/domain';
import { z } from 'zod';

/** The council's extra fields of the 受入れ事業所 and 特定技能外国人 forms (SPEC B4a-b, G2), as configured. */
export const ZFormFieldsOutput = z.object({ establishment: z.array(ZCustomField), worker: z.array(ZCustomField) });
