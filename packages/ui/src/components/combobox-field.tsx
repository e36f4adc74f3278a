import { type KeyboardEvent, type Ref, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldClassName, fieldDescription, FieldLabel, FieldMessages } from './field-parts';

export interface ComboboxOption {
  value: string;
  /** What the list shows and the input holds once chosen. */
  label: string;
  /** Further words that find the option (e.g. the English name, the code, a reading). */
  keywords?: readonly string[];
}

/**
 * Text as the filter compares it: full-width → half-width (NFKC), lower case, hiragana → katakana
 * (so 「べとなむ」 typed before IME conversion finds ベトナム), spaces and 「・」 ignored.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60))
    .replace(/[\s・.,'’()（）-]/g, '');
}

/** Options matching what was typed: an exact name first, then names starting with it, then any other match. */
export function filterOptions<T extends ComboboxOption>(options: readonly T[], query: string): T[] {
  const needle = normaliseForSearch(query);
  if (!needle) return [...options];
  const ranked: Array<{ option: T; rank: number; index: number }> = [];
  options.forEach((option, index) => {
    const label = normaliseForSearch(option.label);
    const keywords = (option.keywords ?? []).map(normaliseForSearch);
    let rank = -1;
    if (label === needle) rank = 0;
    else if (label.startsWith(needle)) rank = 1;
    else if (keywords.some((word) => word.startsWith(needle))) rank = 2;
    else if (label.includes(needle) || keywords.some((word) => word.includes(needle))) rank = 3;
    if (rank >= 0) ranked.push({ option, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map((entry) => entry.option);
}

export interface ComboboxFieldProps {
  id: string;
  label: string;
  options: readonly ComboboxOption[];
  /** The chosen option's value, or '' for none. */
  value: string;
  onValueChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string | undefined;
  isRequired?: boolean;
  isOptional?: boolean;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A text box that filters a list as the user types (WAI-ARIA APG "combobox with listbox popup,
 * list autocomplete"): ↓/↑ move through the matches, Enter chooses, Escape closes, and leaving the
 * box with exactly an option's name typed chooses it. The number of matches is announced politely.
 * Enter while an IME is composing is left to the IME.
 */
export function ComboboxField({
  id,
  label,
  options,
  value,
  onValueChange,
  error,
  hint,
  isRequired = false,
  isOptional = false,
  readOnly = false,
  inputRef,
}: ComboboxFieldProps) {
  const { t } = useTranslation();
  const labelId = `${id}-label`;
  const listboxId = `${id}-listbox`;
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error);
  const optionId = (index: number) => `${id}-option-${index}`;

  const selected = options.find((option) => option.value === value);
  /** What the user is typing; null while the box simply shows the chosen option. */
  const [query, setQuery] = useState<string | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);

  const matches = useMemo(() => filterOptions(options, query ?? ''), [options, query]);
  const text = query ?? selected?.label ?? '';

  useEffect(() => {
    if (!isOpen || activeIndex < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(optionId(activeIndex))}`)?.scrollIntoView({ block: 'nearest' });
  });

  function choose(option: ComboboxOption) {
    onValueChange(option.value);
    setQuery(null);
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function open(index: number) {
    setIsOpen(true);
    setActiveIndex(index);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (readOnly || event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (!isOpen) open(event.altKey ? -1 : 0);
        else if (matches.length > 0) setActiveIndex((activeIndex + 1) % matches.length);
        break;
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (!isOpen) open(matches.length - 1);
        else if (matches.length > 0) setActiveIndex(activeIndex <= 0 ? matches.length - 1 : activeIndex - 1);
        break;
      }
      case 'Enter': {
        const option = isOpen ? matches[activeIndex] : undefined;
        if (option) {
          // Choosing, not submitting the form.
          event.preventDefault();
          choose(option);
        }
        break;
      }
      case 'Escape': {
        if (isOpen) {
          event.preventDefault();
          setIsOpen(false);
          setActiveIndex(-1);
        } else if (query !== null) {
          event.preventDefault();
          setQuery(null);
        }
        break;
      }
      default:
        break;
    }
  }

  function onBlur() {
    setIsOpen(false);
    setActiveIndex(-1);
    if (query === null) return;
    if (!query.trim()) {
      onValueChange('');
      setQuery(null);
      return;
    }
    // Typed an option's whole name without picking it from the list: that is a choice too.
    const typed = normaliseForSearch(query);
    const exact = options.find(
      (option) => normaliseForSearch(option.label) === typed || (option.keywords ?? []).some((word) => normaliseForSearch(word) === typed),
    );
    if (exact) choose(exact);
  }

  const activeOption = isOpen && activeIndex >= 0 ? matches[activeIndex] : undefined;
  const isListVisible = isOpen && matches.length > 0;
  return (
    <div className={fieldClassName(error)}>
      <FieldLabel htmlFor={id} id={labelId} label={label} isRequired={isRequired} isOptional={isOptional} />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="k-combobox">
        <input
          ref={inputRef}
          id={id}
          className="k-input k-combobox__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={isListVisible}
          aria-controls={listboxId}
          aria-activedescendant={activeOption ? optionId(activeIndex) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={isRequired || undefined}
          readOnly={readOnly}
          value={text}
          onChange={(event) => {
            const typed = event.target.value;
            setQuery(typed);
            setIsOpen(true);
            setActiveIndex(-1);
            if (value) onValueChange('');
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        {readOnly ? null : (
          <button
            type="button"
            className="k-combobox__toggle"
            tabIndex={-1}
            aria-label={t('combobox.showOptions', { label })}
            aria-controls={listboxId}
            aria-expanded={isListVisible}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (isOpen) {
                setIsOpen(false);
              } else {
                open(-1);
                document.getElementById(id)?.focus();
              }
            }}
          >
            <span aria-hidden="true">▾</span>
          </button>
        )}
        {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG combobox popup is a listbox; focus stays in the text box. */}
        <ul ref={listRef} id={listboxId} role="listbox" aria-labelledby={labelId} className="k-combobox__list" hidden={!isListVisible}>
          {isListVisible
            ? matches.map((option, index) => (
                // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: options are reached with ↑/↓ from the text box (aria-activedescendant), never focused themselves.
                <li
                  key={option.value}
                  id={optionId(index)}
                  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an APG listbox option (see above).
                  role="option"
                  aria-selected={option.value === value}
                  className={index === activeIndex ? 'k-combobox__option k-combobox__option--active' : 'k-combobox__option'}
                  // Keep focus in the text box while the pointer chooses.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  {option.label}
                </li>
              ))
            : null}
        </ul>
        {isOpen && matches.length === 0 ? <p className="k-combobox__empty">{t('combobox.noMatches')}</p> : null}
      </div>
      <span className="k-visually-hidden" role="status">
        {isOpen && query ? t('combobox.matches', { count: matches.length }) : ''}
      </span>
    </div>
  );
}
