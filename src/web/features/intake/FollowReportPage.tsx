import { SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StateTag } from '../../components/ReportTags';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { ReportDetail } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { ReportTimeline } from '../vulnerabilities/ReportTimeline';

/** An anonymous reporter follows a report by its claim code and answers the vendor's questions. */
export default function FollowReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [lookup] = Form.useForm<{ code: string }>();
  const [answer] = Form.useForm<{ note: string }>();
  // The code stays in memory only: it is the reporter's secret, so it never goes into the URL.
  const [code, setCode] = useState('');
  const [report, setReport] = useState<ReportDetail | null>(null);

  const find = useCallback((v: { code: string }) => api.claim(v.code.trim()), []);
  const found = useCallback((r: ReportDetail, v: { code: string }) => {
    setCode(v.code.trim());
    setReport(r);
  }, []);
  const search = useSubmit(lookup, find, found);

  const provide = useCallback((v: { note: string }) => api.claimProvideInfo(code, v.note), [code]);
  const provided = useCallback(
    (r: ReportDetail) => {
      answer.resetFields();
      setReport(r);
      message.success(t('follow.answered'));
    },
    [answer, message, t],
  );
  const reply = useSubmit(answer, provide, provided);
  const lastRequest = report
    ? [...report.timeline].reverse().find((e) => e.kind === 'request-info')
    : undefined;

  return (
    <div data-testid="follow-page">
      <PageHeader title={t('follow.title')} subtitle={t('follow.subtitle')} />
      <Card style={{ marginBottom: 20 }}>
        <ProblemAlert error={search.error} />
        <Form form={lookup} layout="inline" onFinish={search.submit}>
          <Form.Item
            name="code"
            rules={[{ required: true, whitespace: true, message: t('follow.codeRequired') }]}
            style={{ flex: 1, minWidth: 280 }}
          >
            <Input placeholder="BWK-C-…" autoComplete="off" data-testid="claim-input" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            loading={search.submitting}
            data-testid="claim-search"
          >
            {t('follow.search')}
          </Button>
        </Form>
      </Card>
      {report ? (
        <Row gutter={[20, 20]}>
          <Col xs={24} lg={14}>
            <Card title={t('timeline.title')}>
              <ReportTimeline entries={report.timeline} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('follow.summary')} style={{ marginBottom: 20 }}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'ref',
                    label: t('reports.fields.ref'),
                    children: <Typography.Text code>{report.ref}</Typography.Text>,
                  },
                  {
                    key: 'state',
                    label: t('reports.fields.state'),
                    children: <StateTag state={report.state} />,
                  },
                  { key: 'title', label: t('reports.fields.title'), children: report.title },
                  {
                    key: 'product',
                    label: t('reports.fields.product'),
                    children: [report.productName, report.productModel].filter(Boolean).join(' · '),
                  },
                  { key: 'vendor', label: t('reports.fields.vendor'), children: report.vendorName ?? '—' },
                  {
                    key: 'created',
                    label: t('reports.fields.createdAt'),
                    children: formatTime(report.createdAt),
                  },
                ]}
              />
            </Card>
            {report.availableEvents.includes('provide-info') ? (
              <Card title={t('follow.answerTitle')}>
                {lastRequest?.note ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('reports.infoRequested')}
                    description={lastRequest.note}
                  />
                ) : null}
                <ProblemAlert error={reply.error} />
                <Form form={answer} layout="vertical" onFinish={reply.submit}>
                  <Form.Item
                    name="note"
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
                  </Form.Item>
                  <Space>
                    <Button type="primary" htmlType="submit" loading={reply.submitting}>
                      {t('follow.send')}
                    </Button>
                  </Space>
                </Form>
              </Card>
            ) : null}
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
