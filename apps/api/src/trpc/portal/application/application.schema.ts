import { APPLICATION_STATES, ORGANISATION_TEXT_FIELDS } from '@kyogikai/domain';
import { z } from 'zod';
import { ZEstablishment } from '../establishment/establishment.schema';
import { ZWorker } from '../worker/worker.schema';

const ZMissingDocument = { documentKey: z.string(), documentNameJa: z.string(), documentNameEn: z.string() };
export const ZChecklistItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step1'), field: z.enum(ORGANISATION_TEXT_FIELDS) }),
  z.object({ kind: z.literal('workers') }),
  z.object({ kind: z.literal('organisationDocument'), ...ZMissingDocument }),
  z.object({ kind: z.literal('establishmentDocument'), establishmentId: z.uuid(), establishmentName: z.string(), ...ZMissingDocument }),
  z.object({ kind: z.literal('document'), workerId: z.uuid(), workerName: z.string(), ...ZMissingDocument }),
  z.object({ kind: z.literal('establishment'), workerId: z.uuid(), workerName: z.string() }),
]);
export const ZChecklistOutput = z.object({ isComplete: z.boolean(), items: z.array(ZChecklistItem) });

const nullableText = z.string().nullable();
export const ZReviewOutput = z.object({
  organisation: z.object({
    ...Object.fromEntries(ORGANISATION_TEXT_FIELDS.map((field) => [field, nullableText])),
    directoryOptIn: z.boolean(),
  }) as z.ZodObject<Record<(typeof ORGANISATION_TEXT_FIELDS)[number], typeof nullableText> & { directoryOptIn: z.ZodBoolean }>,
  establishments: z.array(ZEstablishment),
  workers: z.array(ZWorker.extend({ establishments: z.array(z.object({ id: z.uuid(), name: z.string() })) })),
  application: z.object({ id: z.uuid(), state: z.enum(APPLICATION_STATES), version: z.number().int() }),
});

export const ZSubmitApplicationInput = z.object({ applicationId: z.uuid(), version: z.number().int().min(1) });
export const ZSubmitApplicationOutput = z.object({ referenceNumber: z.string(), submittedAt: z.date(), isResubmission: z.boolean() });

export const ZApplicationStatusOutput = z
  .object({
    id: z.uuid(),
    state: z.enum(APPLICATION_STATES),
    version: z.number().int(),
    referenceNumber: z.string().nullable(),
    submittedAt: z.date().nullable(),
    resubmittedAt: z.date().nullable(),
    returnedAt: z.date().nullable(),
    /** While returned: what the secretariat asked to fix. */
    returnedMessage: z.string().nullable(),
    decidedAt: z.date().nullable(),
    /** While rejected: why. */
    decisionReason: z.string().nullable(),
    /** The application may be edited (draft, or returned for correction). */
    isEditable: z.boolean(),
  })
  .nullable();
