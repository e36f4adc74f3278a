import { useTranslation } from 'react-i18next';

export interface DocumentPanelProps {
  /** Prefix for the element ids. */
  id: string;
  title: string;
  version: string;
  /** Plain text; paragraphs separated by blank lines. */
  body: string;
  /** The language the text is written in (consent documents are tenant data, in Japanese). */
  bodyLang?: string;
  headingLevel?: 2 | 3;
}

/**
 * A document the user must be able to read before agreeing to it (SPEC A3): a heading, the
 * version, and the text in a scroll box. The box is a named region that takes keyboard focus, so
 * it can be scrolled with the arrow keys and a screen reader announces what it holds.
 */
export function DocumentPanel({ id, title, version, body, bodyLang = 'ja', headingLevel = 3 }: DocumentPanelProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `${id}-title`;
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className="k-document">
      <Heading id={titleId} className="k-document__title">
        {title}
      </Heading>
      <p className="k-document__version">{t('document.version', { version })}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section id={`${id}-body`} className="k-document__body" aria-labelledby={titleId} tabIndex={0} lang={bodyLang}>
        {paragraphs.map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text never reorder.
          <p key={index}>{paragraph}</p>
        ))}
      </section>
    </div>
  );
}
