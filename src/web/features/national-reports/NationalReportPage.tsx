import { ArrowLeftOutlined, CheckOutlined, PrinterOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canCoordinate } from '../../app/access';
import { useMe } from '../../app/session';
import { FullPageSpin } from '../../components/FullPageSpin';
import { NationalStatusTag } from '../../components/NationalStatusTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { NATIONAL_REPORT_FIELDS } from '../../lib/reports';
import { useAsync } from '../../lib/useAsync';
import { RequestMoreModal } from './DecisionModal';

/** One national report as filed (the six RMSV art. 7(2) fields), with the ministry's decision. */
export default function NationalReportPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const n = useAsync(() => api.nationalReport(id), [id]);
  const [asking, setAsking] = useState(false);
  if (n.error) return <ProblemAlert error={n.error} />;
  if (!n.data) return <FullPageSpin />;
  const r = n.data;
  const decides = canCoordinate(me) && r.status !== 'acknowledged';

  const acknowledge = async () => {
    try {
      const next = await api.decideNationalReport(r.id, { decision: 'acknowledge' });
      n.setData(() => next);
      message.success(t('nationalInbox.acknowledged', { ref: r.reportRef }));
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  return (
    <div data-testid="national-report-page">
      <Link to="/national-reports" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('nationalInbox.back')}
      </Link>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <Typography.Text code>{r.reportRef}</Typography.Text>
            {t('national.documentTitle')}
            <NationalStatusTag status={r.status} />
            {r.late ? (
              <Tag color="red">{t('national.late')}</Tag>
            ) : (
              <Tag color="green">{t('national.onTime')}</Tag>
            )}
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {decides ? (
              <>
                <Popconfirm
                  title={t('nationalInbox.confirmAcknowledge', { ref: r.reportRef })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void acknowledge()}
                >
                  <Button type="primary" icon={<CheckOutlined />} data-testid="national-acknowledge">
                    {t('nationalInbox.acknowledge')}
                  </Button>
                </Popconfirm>
                <Button icon={<QuestionCircleOutlined />} onClick={() => setAsking(true)}>
                  {t('nationalInbox.requestMore')}
                </Button>
              </>
            ) : null}
            <Link to={`/national-reports/${r.id}/print`} target="_blank">
              <Button icon={<PrinterOutlined />}>{t('national.print')}</Button>
            </Link>
          </Flex>
        }
      >
        {r.ministryNote ? (
          <Alert
            type="warning"
            showIcon
            title={t('national.ministryAsks')}
            description={r.ministryNote}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Descriptions
          bordered
          size="middle"
          column={1}
          styles={{ label: { width: 220 } }}
          items={[
            { key: 'vendor', label: t('reports.fields.vendor'), children: r.vendorName },
            ...NATIONAL_REPORT_FIELDS.map((f) => ({
              key: f,
              label: t(`national.fields.${f}`),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.fields[f] ?? '—'}</span>,
            })),
            ...(r.fields.additional
              ? [
                  {
                    key: 'additional',
                    label: t('national.fields.additional'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.fields.additional}</span>,
                  },
                ]
              : []),
            { key: 'due', label: t('national.dueAt'), children: formatTime(r.dueAt) },
            { key: 'submitted', label: t('national.submittedAt'), children: formatTime(r.submittedAt) },
            ...(r.acknowledgedAt
              ? [{ key: 'ack', label: t('national.acknowledgedAt'), children: formatTime(r.acknowledgedAt) }]
              : []),
          ]}
        />
        <div style={{ marginTop: 16 }}>
          <Link to={`/vulnerabilities/${r.reportId}`}>{t('nationalInbox.openReport')}</Link>
        </div>
      </Card>
      <RequestMoreModal
        target={asking ? r : null}
        onClose={() => setAsking(false)}
        onDone={(next) => {
          setAsking(false);
          n.setData(() => next);
          message.success(t('nationalInbox.askedMore', { ref: r.reportRef }));
        }}
      />
    </div>
  );
}
