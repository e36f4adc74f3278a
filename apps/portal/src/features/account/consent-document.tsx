import { CheckboxField, DocumentPanel } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import type { PortalOutputs } from '../../lib/trpc';

export type TConsentDocument = PortalOutputs['tenant']['consentDocuments'][number];

export interface ConsentDocumentProps {
  doc: TConsentDocument;
  /** The version the user ticked ('' = not ticked): a box ticked for an older text reads as unticked. */
  tickedVersion: string;
  onTickedVersionChange: (version: string) => void;
  error?: string | null;
}

/** SPEC A3: one consent document readable on the page, with its 「…に同意する」 checkbox. */
export function ConsentDocument({ doc, tickedVersion, onTickedVersionChange, error }: ConsentDocumentProps) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === 'en' ? doc.titleEn : doc.titleJa;
  const id = `consent-${doc.key}`;
  return (
    <div className="k-consent">
      <DocumentPanel id={`document-${doc.key}`} title={title} version={doc.version} body={doc.body} />
      <CheckboxField
        id={id}
        name={id}
        label={t('provisional.agree', { title })}
        checked={tickedVersion === doc.version}
        onCheckedChange={(checked) => onTickedVersionChange(checked ? doc.version : '')}
        error={error}
      />
    </div>
  );
}
