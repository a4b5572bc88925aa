import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';

/** Runs GET /api/audit/verify and reports an intact chain or the first broken row. */
export function VerifyChain({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const result = useAsync(() => api.verifyAudit(), []);
  if (result.loading) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<Spin size="small" />}
        title={t('audit.verifying')}
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (result.error) return <ProblemAlert error={result.error} onClose={onClose} />;
  const r = result.data;
  if (!r) return null;
  return r.ok ? (
    <Alert
      type="success"
      showIcon
      data-testid="audit-verify-result"
      title={t('audit.verifyOk', { rows: r.rows })}
      description={
        r.headSeq === null
          ? undefined
          : t('audit.verifyHead', { seq: r.headSeq, hash: r.headHash?.slice(0, 16) ?? '' })
      }
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={t('audit.verifyBroken', { seq: r.firstBroken?.seq ?? '?' })}
      description={r.firstBroken ? t(`audit.brokenReasons.${r.firstBroken.reason}`) : undefined}
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
    />
  );
}
