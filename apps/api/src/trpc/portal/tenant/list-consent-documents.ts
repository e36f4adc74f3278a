import { CONSENT_DOCUMENT_KEYS } from '@kyogikai/domain';
import { publicProcedure } from '../../init';
import { ZListConsentDocumentsOutput } from './list-consent-documents.schema';

/**
 * SPEC A3: the tenant's three consent documents, readable on the sign-up page, in a fixed order
 * (プライバシーポリシー, 設置要綱, 入会規程). The version shown is the one the user agrees to.
 */
export const consentDocuments = publicProcedure
  .output(ZListConsentDocumentsOutput)
  .query(({ ctx }) =>
    CONSENT_DOCUMENT_KEYS.flatMap((key) =>
      ctx.tenant.config.consentDocuments
        .filter((doc) => doc.key === key)
        .map(({ titleJa, titleEn, version, body }) => ({ key, titleJa, titleEn, version, body })),
    ),
  );
