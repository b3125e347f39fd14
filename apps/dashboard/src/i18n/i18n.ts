import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh';

export type Language = 'zh' | 'en';
const STORAGE_KEY = 'kaoping.language';

export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

// index.html says zh-CN; a reload in English must say en (screen readers, fonts, hyphenation).
document.documentElement.lang = storedLanguage() === 'zh' ? 'zh-CN' : 'en';

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh } },
  lng: storedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});

/**
 * The English strings are a chunk of their own, loaded only when English is chosen (issue #14: every
 * zh and en string was in the initial JavaScript). Resolves once i18next can translate into `language`.
 */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh' || i18next.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en, true, true);
}

/**
 * Remembers the choice at once (a reload from here on opens in it), then switches the interface
 * once the language's strings are loaded.
 */
export async function switchLanguage(language: Language): Promise<void> {
  const before = storedLanguage();
  rememberLanguage(language);
  try {
    await loadLanguage(language);
  } catch (error) {
    rememberLanguage(before);
    throw error;
  }
  await i18next.changeLanguage(language);
}

/** The stored language's strings, loaded before the first render so an English reload never shows Chinese first. */
export const languageReady: Promise<void> = loadLanguage(storedLanguage()).then(
  () => i18next.changeLanguage(storedLanguage()).then(() => undefined),
  () => undefined,
);

export { i18next };
