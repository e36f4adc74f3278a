import { MEMBERSHIP_STATES, ORGANISATION_ROLES, PERMISSIONS, ZOrganisationDraft } from '@kyogikai/domain';
import { z } from 'zod';

export const ZMyOrganisation = z.object({
  organisationId: z.uuid(),
  /** 法人名; null until STEP1 has been saved. */
  organisationName: z.string().nullable(),
  role: z.enum(ORGANISATION_ROLES),
  membershipState: z.enum(MEMBERSHIP_STATES),
  isActing: z.boolean(),
});
export const ZListMyOrganisationsOutput = z.array(ZMyOrganisation);

export const ZSwitchOrganisationInput = z.object({ organisationId: z.uuid({ message: 'validation.invalid' }) });
export const ZSwitchOrganisationOutput = z.object({ organisationId: z.uuid() });

/** The registered data of the acting organisation (STEP1 会員情報, SPEC B2), whitelisted. */
export const ZGetOrganisationOutput = z.object({
  id: z.uuid(),
  corporateName: z.string().nullable(),
  corporateNameKana: z.string().nullable(),
  corporateNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  prefecture: z.string().nullable(),
  city: z.string().nullable(),
  town: z.string().nullable(),
  building: z.string().nullable(),
  representativeTitle: z.string().nullable(),
  representativeName: z.string().nullable(),
  phone: z.string().nullable(),
  contactName: z.string().nullable(),
  contactDepartment: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  directoryOptIn: z.boolean(),
  membershipState: z.enum(MEMBERSHIP_STATES),
  membershipNumber: z.string().nullable(),
  version: z.number().int(),
  /** What the signed-in user may do for it, so the UI shows only the actions that will work. */
  myRole: z.enum(ORGANISATION_ROLES),
  myPermissions: z.array(z.enum(PERMISSIONS)),
});

/** 一時保存 (SPEC B3): the version the form was loaded with, and whatever was entered. */
export const ZSaveOrganisationDraftInput = z.object({
  version: z.number().int().min(1),
  values: ZOrganisationDraft,
});
export const ZSaveOrganisationDraftOutput = z.object({ version: z.number().int(), savedAt: z.date() });
