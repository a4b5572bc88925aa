import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const box = {
  background: '#f6f8fb',
  border: '1px solid #e3e8ef',
  borderRadius: 6,
  padding: '10px 12px',
} as const;

/** A secret (token, link) shown once with a copy button and a warning that it will not be shown again. */
export function OneTimeSecret({ value, hint, testId }: { value: string; hint: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={hint} style={{ marginBottom: 12 }} />
      <div style={box}>
        <Typography.Text
          data-testid={testId}
          copyable={{ text: value, tooltips: [t('common.copy'), t('common.copied')] }}
          style={{
            fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
            wordBreak: 'break-all',
          }}
        >
          {value}
        </Typography.Text>
      </div>
    </>
  );
}
