import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Button
      size="small"
      data-testid="language-switch"
      onClick={() => {
        const next = i18n.language === 'en' ? 'zh' : 'en';
        rememberLanguage(next);
        void i18n.changeLanguage(next);
      }}
    >
      {t('common.language')}
    </Button>
  );
}
