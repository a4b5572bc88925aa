import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bundles } from '../locales/bundles';

/** Languages the UI ships, default first. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** A supported UI language. */
export type Language = (typeof LANGUAGES)[number];

/** localStorage key that remembers the chosen language across sessions. */
export const LANG_STORAGE_KEY = 'bulwark.lang';

const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return isLanguage(v) ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLanguage(lng: Language): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
  document.title = i18n.t('app.title');
}

/** Switches the UI language and persists the choice. */
export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lng);
  } catch {
    // Private mode can forbid storage; the switch still applies for this page.
  }
  await i18n.changeLanguage(lng);
}

/** The language currently in force. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'zh-CN');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: bundles['zh-CN'] }, en: { translation: bundles.en } },
  lng: storedLanguage(),
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
i18n.on('languageChanged', (lng) => applyLanguage(isLanguage(lng) ? lng : 'zh-CN'));
applyLanguage(currentLanguage());

export default i18n;
