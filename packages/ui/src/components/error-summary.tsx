import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorSummaryItem {
  /** The id of the field to move to; omitted for errors that belong to no field. */
  fieldId?: string;
  /** Already translated, usually 「<label>：<message>」. */
  text: string;
}

export interface ErrorSummaryProps {
  /** Already translated sentence about the whole submit (e.g. invalid credentials). */
  message?: string | null | undefined;
  items: ErrorSummaryItem[];
  /** Changes on every failed submit so focus moves here again even if the text is the same. */
  attempt: number;
  /** Element id prefix, when a page shows more than one summary (e.g. a form inside a dialog). */
  id?: string;
}

/**
 * The box at the top of a form after a failed submit. It takes focus (so keyboard and screen
 * reader users land on it) and links each problem to its field.
 */
export function ErrorSummary({ message, items, attempt, id = 'error-summary' }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const isVisible = Boolean(message) || items.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger: refocus on every failed submit.
  useEffect(() => {
    if (isVisible) ref.current?.focus();
  }, [attempt, isVisible]);
  if (!isVisible) return null;
  return (
    <div ref={ref} className="k-error-summary" role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('form.errorSummaryTitle')}</h2>
      {message ? <p>{message}</p> : null}
      {items.length > 0 ? (
        <ul>
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}:${item.text}`}>
              {item.fieldId ? (
                <a
                  href={`#${item.fieldId}`}
                  onClick={(event) => {
                    // Focus the field itself; a plain hash jump would also change the router URL.
                    event.preventDefault();
                    const field = document.getElementById(item.fieldId ?? '');
                    field?.focus();
                    field?.scrollIntoView({ block: 'center' });
                  }}
                >
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
