import { createI18n } from '@kyogikai/ui';
import { portalEn } from './en';
import { portalJa } from './ja';

export const i18n = createI18n({ ja: portalJa, en: portalEn });
