import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** An error banner for a failed request; renders nothing when there is no error. */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem"
      title={describeError(t, error)}
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
