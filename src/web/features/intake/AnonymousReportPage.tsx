import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ReportForm, type Submitted } from '../vulnerabilities/ReportForm';
import { SubmittedResult } from '../vulnerabilities/SubmittedResult';

/** Anonymous intake (RMSV art. 5 channels stay open): no account; a claim code, shown once, follows the report. */
export default function AnonymousReportPage() {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  return (
    <div data-testid="anonymous-page">
      <PageHeader title={t('anonymous.title')} subtitle={t('anonymous.subtitle')} />
      {submitted ? (
        <SubmittedResult
          submitted={submitted}
          actions={[
            <Link key="follow" to="/intake/follow">
              <Button type="primary">{t('anonymous.follow')}</Button>
            </Link>,
          ]}
        />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('anonymous.notice')}
            description={t('anonymous.noticeText')}
          />
          <ReportForm anonymous onSubmitted={setSubmitted} />
        </>
      )}
    </div>
  );
}
