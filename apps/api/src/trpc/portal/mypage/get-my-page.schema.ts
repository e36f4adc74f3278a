import { APPLICATION_STATES, MEMBERSHIP_STATES, ORGANISATION_TEXT_FIELDS } from '@kyogikai/domain';
import { z } from 'zod';
import { MY_PAGE_STEPS } from '../../../mypage/get-my-page';

/** マイページ (SPEC B1, C2): the organisation, its application, the timeline and what is next. */
export const ZGetMyPageOutput = z.object({
  organisation: z.object({ id: z.uuid(), corporateName: z.string().nullable(), membershipState: z.enum(MEMBERSHIP_STATES) }),
  application: z
    .object({ id: z.uuid(), state: z.enum(APPLICATION_STATES), referenceNumber: z.string().nullable(), submittedAt: z.date().nullable() })
    .nullable(),
  steps: z.array(z.object({ key: z.enum(MY_PAGE_STEPS), status: z.enum(['done', 'current', 'todo']) })),
  /** STEP1 fields still missing (or not valid) for submission, in form order. */
  step1MissingFields: z.array(z.enum(ORGANISATION_TEXT_FIELDS)),
  /** May STEP1 be edited now (一時保存): the application is draft or returned, SPEC C1. */
  isEditable: z.boolean(),
  reviewTargetWorkingDays: z.number().int(),
  secretariat: z.object({ name: z.string(), email: z.string(), phone: z.string(), hours: z.string() }),
});
