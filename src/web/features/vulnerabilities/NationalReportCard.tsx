import { CloudUploadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NationalStatusTag } from '../../components/NationalStatusTag';
import { formatTime } from '../../lib/format';
import type { NationalReport } from '../../lib/types';

/** Where the RMSV art. 7(2) report to MIIT stands, with a re-file button when the ministry asked for more. */
export function NationalReportCard({
  filed,
  onRefile,
}: {
  filed: NationalReport;
  onRefile: (() => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <CloudUploadOutlined />
          {t('national.cardTitle')}
        </Flex>
      }
      extra={
        <Link to={`/national-reports/${filed.id}/print`} target="_blank">
          <Button type="link" size="small" icon={<PrinterOutlined />}>
            {t('national.print')}
          </Button>
        </Link>
      }
      data-testid="national-card"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('national.status'),
            children: <NationalStatusTag status={filed.status} />,
          },
          {
            key: 'submitted',
            label: t('national.submittedAt'),
            children: (
              <Flex gap={6} align="center" wrap>
                {formatTime(filed.submittedAt)}
                {filed.late ? (
                  <Tag color="red">{t('national.late')}</Tag>
                ) : (
                  <Tag color="green">{t('national.onTime')}</Tag>
                )}
              </Flex>
            ),
          },
          ...(filed.acknowledgedAt
            ? [
                {
                  key: 'ack',
                  label: t('national.acknowledgedAt'),
                  children: formatTime(filed.acknowledgedAt),
                },
              ]
            : []),
        ]}
      />
      {filed.status === 'more-info-requested' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('national.ministryAsks')}
          description={filed.ministryNote}
          action={
            onRefile ? (
              <Button size="small" type="primary" onClick={onRefile}>
                {t('national.refile')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <Link to={`/national-reports/${filed.id}`}>{t('common.details')}</Link>
    </Card>
  );
}
