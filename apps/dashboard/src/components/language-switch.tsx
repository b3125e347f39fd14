import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadLanguage, switchLanguage, type Language } from '../i18n/i18n';

/** The button's label once the interface is in English (en.ts common.language), shown while the English strings load. */
const BACK_TO_CHINESE = '中文';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // The English strings load on first use (i18n.ts); the button answers the click at once meanwhile.
  const [switchingTo, setSwitchingTo] = useState<Language | null>(null);
  const current: Language = i18n.language === 'en' ? 'en' : 'zh';
  const pending = switchingTo !== null && switchingTo !== current;
  return (
    <Button
      size="small"
      data-testid="language-switch"
      loading={pending}
      // Pointing at the button starts loading the English strings, so a click seldom waits for them.
      onMouseEnter={() => void loadLanguage('en').catch(() => undefined)}
      onFocus={() => void loadLanguage('en').catch(() => undefined)}
      onClick={() => {
        const next: Language = current === 'en' ? 'zh' : 'en';
        setSwitchingTo(next);
        void switchLanguage(next)
          .catch(() => undefined)
          .finally(() => setSwitchingTo(null));
      }}
    >
      {pending && switchingTo === 'en' ? BACK_TO_CHINESE : t('common.language')}
    </Button>
  );
}
