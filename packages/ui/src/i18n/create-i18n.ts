import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiEn } from './en';
import { uiJa } from './ja';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Japanese first (SPEC G5): English only when the user chose it. */
export const DEFAULT_LANGUAGE: Language = 'ja';
const STORAGE_KEY = 'kyogikai.language';

type Tree = { [key: string]: string | Tree };

function deepMerge(base: Tree, override: Tree): Tree {
  const result: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = typeof value === 'object' && typeof current === 'object' ? deepMerge(current, value) : value;
  }
  return result;
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'ja' ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be unavailable (privacy settings); Japanese is then simply the default.
    return DEFAULT_LANGUAGE;
  }
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * One i18next instance per app: shared ui strings merged with the app's own catalogue (the app
 * wins on conflicts). Keeps `<html lang>` and the stored choice in step with the language.
 */
export function createI18n(app: { ja: object; en: object }): I18n {
  const instance = i18next.createInstance();
  const language = storedLanguage();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources: {
      ja: { translation: deepMerge(uiJa as Tree, app.ja as Tree) },
      en: { translation: deepMerge(uiEn as Tree, app.en as Tree) },
    },
    interpolation: { escapeValue: false },
    // Resources are bundled: initialise synchronously so the first render is already translated.
    initAsync: false,
  });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  };
  document.documentElement.lang = language;
  instance.on('languageChanged', apply);
  return instance;
}

/** A translatable message: a catalogue key plus interpolation values, as the API sends them. */
export interface Message {
  key: string;
  params?: Record<string, string | number> | undefined;
}

/**
 * Translates a message key. Keys with a `_noParams` variant use it when the server sent no values,
 * so a sentence never shows a raw `{{minutes}}`. Unknown keys fall back to the generic error.
 */
export function translateMessage(t: TFunction, i18n: I18n, message: Message): string {
  const hasParams = message.params !== undefined && Object.keys(message.params).length > 0;
  if (!i18n.exists(message.key)) return t('common.internal');
  return t(message.key, { ...(message.params ?? {}), ...(hasParams ? {} : { context: 'noParams' }) });
}
