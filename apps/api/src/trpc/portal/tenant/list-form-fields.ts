import { publicProcedure } from '../../init';
import { ZFormFieldsOutput } from './list-form-fields.schema';

/**
 * `tenant.formFields`: what the portal renders beside the fixed fields and sends back in `extra`;
 * the API checks the same definitions (checkCustomFields). Labels and choices only, nothing secret.
 */
export const formFields = publicProcedure.output(ZFormFieldsOutput).query(({ ctx }) => ctx.tenant.config.customFields);
