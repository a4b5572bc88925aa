import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from './OneTimeSecret';
import { ProblemAlert } from './ProblemAlert';

/**
 * A form that, once submitted, shows a secret exactly once (API tokens, invitation links). The form stays mounted
 * but hidden while the secret shows, so closing resets one place.
 */
export function SecretRevealModal(props: {
  open: boolean;
  title: string;
  revealedTitle: string;
  /** The secret to show once, or null while the form is still open. */
  secret: { value: string; hint: string; testId: string } | null;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  submitTestId: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { secret } = props;
  return (
    <Modal
      open={props.open}
      title={secret ? props.revealedTitle : props.title}
      onCancel={props.onClose}
      forceRender
      footer={
        secret ? (
          <Button type="primary" onClick={props.onClose}>
            {t('common.done')}
          </Button>
        ) : (
          <>
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={props.submitting}
              onClick={props.onSubmit}
              data-testid={props.submitTestId}
            >
              {props.submitLabel}
            </Button>
          </>
        )
      }
    >
      {secret ? <OneTimeSecret value={secret.value} hint={secret.hint} testId={secret.testId} /> : null}
      <div style={{ display: secret ? 'none' : undefined }}>
        <ProblemAlert error={props.error} />
        {props.children}
      </div>
    </Modal>
  );
}
