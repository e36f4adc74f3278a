import { slotElementId } from './document-uploads';

/** 「法人・事業所の書類」: the page of the organisation's and the establishments' documents. */
export const ORGANISATION_DOCUMENTS_PATH = '/application/documents';

/** Element-id prefixes of the page's slots (one set for the organisation, one per establishment). */
export const ORGANISATION_SLOTS_PREFIX = 'organisation-';
export const establishmentSlotsPrefix = (establishmentId: string) => `establishment-${establishmentId}-`;

/** Where a checklist item about an organisation's or establishment's document is fixed: its slot on the page. */
export function organisationDocumentLink(
  item:
    | { kind: 'organisationDocument'; documentKey: string }
    | { kind: 'establishmentDocument'; establishmentId: string; documentKey: string },
): string {
  const prefix = item.kind === 'organisationDocument' ? ORGANISATION_SLOTS_PREFIX : establishmentSlotsPrefix(item.establishmentId);
  return `${ORGANISATION_DOCUMENTS_PATH}#${slotElementId(prefix, item.documentKey)}`;
}
