import { createI18n } from '@kyogikai/ui';
import { adminEn } from './en';
import { adminJa } from './ja';

export const i18n = createI18n({ ja: adminJa, en: adminEn });
