import { Alert, Card, Descriptions, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { CvssTags, GradeTag } from '../../components/ReportTags';
import type { Submitted } from './ReportForm';

/** The intake receipt: reference, the scores the server computed, where it went, and the claim code once. */
export function SubmittedResult({ submitted, actions }: { submitted: Submitted; actions: ReactNode }) {
  const { t } = useTranslation();
  const { report, claimCode } = submitted.result;
  return (
    <Card data-testid="report-submitted">
      <Result
        status="success"
        title={t('intake.doneTitle', { ref: report.ref })}
        subTitle={
          report.vendorOrgId
            ? t('intake.routedVendor', { vendor: report.vendorName ?? '' })
            : t('intake.routedMinistry')
        }
        extra={actions}
      />
      {claimCode ? (
        <div style={{ maxWidth: 640, margin: '0 auto 24px' }} data-testid="claim-code-box">
          <Typography.Title level={5}>{t('intake.claimTitle')}</Typography.Title>
          <OneTimeSecret value={claimCode} hint={t('intake.claimHint')} testId="claim-code" />
        </div>
      ) : null}
      {submitted.failedUploads.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ maxWidth: 640, margin: '0 auto 24px' }}
          title={t('intake.uploadsFailed', { files: submitted.failedUploads.join(', ') })}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ maxWidth: 640, margin: '0 auto' }}
        items={[
          {
            key: 'ref',
            label: t('reports.fields.ref'),
            children: <Typography.Text code>{report.ref}</Typography.Text>,
          },
          { key: 'title', label: t('reports.fields.title'), children: report.title },
          {
            key: 'product',
            label: t('reports.fields.product'),
            children: [report.productName, report.productModel].filter(Boolean).join(' · '),
          },
          { key: 'cvss', label: t('reports.fields.cvss'), children: <CvssTags cvss={report.cvss} /> },
          {
            key: 'grade',
            label: t('reports.fields.gbtGrade'),
            children: <GradeTag grade={report.gbtGrade} />,
          },
        ]}
      />
    </Card>
  );
}
