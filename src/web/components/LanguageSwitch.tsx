import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../lib/i18n';

/** zh-CN / English switch; each language is labelled in its own script, as language pickers conventionally are. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      data-testid="lang-switch"
      aria-label={t('header.language')}
      value={currentLanguage()}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
      onChange={(lng) => void changeLanguage(lng)}
    />
  );
}
