import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ReportForm, type Submitted } from './ReportForm';
import { SubmittedResult } from './SubmittedResult';

/** Signed-in intake: researchers, filed platforms (on behalf of a researcher) and vendors' own findings. */
export default function SubmitReportPage() {
  const me = useMe();
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  // Remounting the form after "submit another" clears every field and chosen file.
  const [round, setRound] = useState(0);
  const platform = me.org.kind === 'collection-platform';

  return (
    <div data-testid="submit-page" style={{ maxWidth: 960 }}>
      <PageHeader
        title={t('intake.pageTitle')}
        subtitle={platform ? t('intake.subtitlePlatform') : t('intake.subtitle')}
      />
      {submitted ? (
        <SubmittedResult
          submitted={submitted}
          actions={[
            <Link key="view" to={`/vulnerabilities/${submitted.result.report.id}`}>
              <Button type="primary" data-testid="submitted-view">
                {t('intake.viewReport')}
              </Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setSubmitted(null);
                setRound((n) => n + 1);
              }}
            >
              {t('intake.another')}
            </Button>,
          ]}
        />
      ) : (
        <ReportForm key={round} onBehalfOf={platform} onSubmitted={setSubmitted} />
      )}
    </div>
  );
}
