import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret (token, link) shown once with a copy button and a warning that it will not be shown again. */
export function OneTimeSecret({ value, hint, testId }: { value: string; hint: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={hint} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        data-testid={testId}
        code
        copyable={{ text: value, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ wordBreak: 'break-all', fontSize: 13 }}
      >
        {value}
      </Typography.Paragraph>
    </>
  );
}
