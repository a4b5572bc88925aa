import { CheckOutlined, PrinterOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canCoordinate } from '../../app/access';
import { useMe } from '../../app/session';
import { NationalStatusTag } from '../../components/NationalStatusTag';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { NATIONAL_STATUSES } from '../../lib/reports';
import type { NationalReport, NationalReportStatus } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { RequestMoreModal } from './DecisionModal';

type Filter = NationalReportStatus | 'all';

/** RMSV art. 7(2) reports to MIIT: the ministry's inbox (acknowledge or ask for more), or a vendor's filings. */
export default function NationalReportsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ministry = me.org.kind === 'ministry';
  const decides = canCoordinate(me);
  const [filter, setFilter] = useState<Filter>(ministry ? 'filed' : 'all');
  const list = useAsync(() => api.nationalReports(filter === 'all' ? undefined : filter), [filter]);
  const [asking, setAsking] = useState<NationalReport | null>(null);

  const acknowledge = async (n: NationalReport) => {
    try {
      await api.decideNationalReport(n.id, { decision: 'acknowledge' });
      message.success(t('nationalInbox.acknowledged', { ref: n.reportRef }));
      list.reload();
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  return (
    <div data-testid="national-reports-page">
      <PageHeader
        title={ministry ? t('nationalInbox.title') : t('nationalInbox.titleVendor')}
        subtitle={ministry ? t('nationalInbox.subtitle') : t('nationalInbox.subtitleVendor')}
      />
      <ProblemAlert error={list.error} />
      <Card>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          style={{ marginBottom: 16 }}
          options={[
            ...NATIONAL_STATUSES.map((s) => ({ value: s, label: t(`nationalStatus.${s}`) })),
            { value: 'all' as const, label: t('nationalInbox.all') },
          ]}
          data-testid="national-filter"
        />
        <Table<NationalReport>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('nationalInbox.empty')} /> }}
          columns={[
            {
              key: 'ref',
              title: t('reports.fields.ref'),
              width: 150,
              render: (_v, n) => (
                <Link to={`/national-reports/${n.id}`} data-testid="national-link">
                  <Typography.Text code>{n.reportRef}</Typography.Text>
                </Link>
              ),
            },
            {
              key: 'product',
              title: t('national.fields.productName'),
              render: (_v, n) => (
                <div>
                  <Typography.Text strong>{n.fields.productName}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[n.fields.productModel, n.fields.productVersion].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            ...(ministry
              ? [
                  {
                    key: 'vendor',
                    title: t('reports.fields.vendor'),
                    render: (_v: unknown, n: NationalReport) => n.vendorName,
                  },
                ]
              : []),
            {
              key: 'submitted',
              title: t('national.submittedAt'),
              width: 220,
              render: (_v, n) => (
                <Space size={4} wrap>
                  {formatTime(n.submittedAt)}
                  {n.late ? (
                    <Tag color="red">{t('national.late')}</Tag>
                  ) : (
                    <Tag color="green">{t('national.onTime')}</Tag>
                  )}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('national.status'),
              width: 120,
              render: (_v, n) => <NationalStatusTag status={n.status} />,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 250,
              render: (_v, n) => (
                <Space size={0} wrap>
                  {decides && n.status !== 'acknowledged' ? (
                    <>
                      <Popconfirm
                        title={t('nationalInbox.confirmAcknowledge', { ref: n.reportRef })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => void acknowledge(n)}
                      >
                        <Button
                          type="link"
                          size="small"
                          icon={<CheckOutlined />}
                          data-testid="national-acknowledge"
                        >
                          {t('nationalInbox.acknowledge')}
                        </Button>
                      </Popconfirm>
                      <Button
                        type="link"
                        size="small"
                        icon={<QuestionCircleOutlined />}
                        onClick={() => setAsking(n)}
                      >
                        {t('nationalInbox.requestMore')}
                      </Button>
                    </>
                  ) : null}
                  <Link to={`/national-reports/${n.id}/print`} target="_blank">
                    <Button type="link" size="small" icon={<PrinterOutlined />}>
                      {t('national.print')}
                    </Button>
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RequestMoreModal
        target={asking}
        onClose={() => setAsking(null)}
        onDone={(n) => {
          setAsking(null);
          message.success(t('nationalInbox.askedMore', { ref: n.reportRef }));
          list.reload();
        }}
      />
    </div>
  );
}
