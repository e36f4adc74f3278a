import { useTranslation } from 'react-i18next';

/**
 * Offers the other language, named in that language (so a reader of it recognises it) and marked
 * with `lang` so screen readers pronounce it correctly.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  const target = isEnglish ? 'ja' : 'en';
  return (
    <nav aria-label={t('layout.languageNav')}>
      <button
        type="button"
        className="k-button k-button--secondary k-button--small"
        lang={target}
        onClick={() => void i18n.changeLanguage(target)}
      >
        {isEnglish ? t('layout.switchToJapanese') : t('layout.switchToEnglish')}
      </button>
    </nav>
  );
}
