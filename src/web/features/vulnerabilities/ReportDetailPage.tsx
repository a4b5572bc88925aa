import {
  AlertOutlined,
  ArrowLeftOutlined,
  GlobalOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canCoordinate, canReadNationalReports } from '../../app/access';
import { useMe } from '../../app/session';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CvssTags, GradeTag, StateTag } from '../../components/ReportTags';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { eventEmphasis, isReportEvent, type ReportEvent, type TRANSITION_EVENTS } from '../../lib/reports';
import type { Report, ReportDetail } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { ApprovalModal } from './ApprovalModal';
import { AssignVendorModal } from './AssignVendorModal';
import { AttachmentsCard } from './AttachmentsCard';
import { ClocksCard } from './ClocksCard';
import { DuplicatesCard } from './DuplicatesCard';
import { ExternalIdsCard } from './ExternalIdsCard';
import { NationalReportCard } from './NationalReportCard';
import { NationalReportModal } from './NationalReportModal';
import { PublicationDrawer } from './PublicationDrawer';
import { ReportTimeline } from './ReportTimeline';
import { TransitionModal } from './TransitionModal';

type Transition = (typeof TRANSITION_EVENTS)[number];
const CLOSED_FOR_APPROVAL = new Set(['published', 'closed', 'rejected', 'duplicate']);

/** One report: description, assessment, fix, timeline and evidence, with only the actions the server offers. */
export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loaded = useAsync(async () => ({ report: await api.report(id), at: Date.now() }), [id]);
  const report = loaded.data?.report;
  const national = useAsync(
    async () =>
      canReadNationalReports(me) && report?.clocks.nationalReport.doneAt
        ? ((await api.nationalReports()).find((n) => n.reportId === id) ?? null)
        : null,
    [id, report?.state, report?.updatedAt],
  );
  const [transition, setTransition] = useState<Transition | null>(null);
  const [nationalOpen, setNationalOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [approving, setApproving] = useState(false);

  const replace = useCallback(
    (r: ReportDetail) => loaded.setData(() => ({ report: r, at: Date.now() })),
    [loaded.setData],
  );
  const merge = useCallback(
    (r: Report) =>
      loaded.setData((prev) => (prev ? { report: { ...prev.report, ...r }, at: Date.now() } : prev)),
    [loaded.setData],
  );

  if (loaded.error) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return missing ? (
      <Result
        status="404"
        title={t('reports.notFound')}
        extra={<Link to="/vulnerabilities">{t('reports.back')}</Link>}
      />
    ) : (
      <ProblemAlert error={loaded.error} />
    );
  }
  if (!report || !loaded.data) return <FullPageSpin />;
  const fetchedAt = loaded.data.at;

  const events = report.availableEvents.filter(isReportEvent);
  const open = (e: ReportEvent) => {
    if (e === 'report-nationally') setNationalOpen(true);
    else if (e === 'publish') setPublishing(true);
    else setTransition(e);
  };
  const filed = national.data ?? null;
  const isVendor = report.vendorOrgId === me.org.id && me.user.role !== 'viewer';
  const refile = filed?.status === 'more-info-requested' && isVendor ? () => setNationalOpen(true) : null;
  const lastRequest = [...report.timeline].reverse().find((e) => e.kind === 'request-info');
  const coordinator = canCoordinate(me);

  return (
    <div data-testid="report-detail">
      <Link to="/vulnerabilities" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('reports.back')}
      </Link>
      <Card style={{ marginBottom: 20 }}>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap>
              <Typography.Text code data-testid="report-ref">
                {report.ref}
              </Typography.Text>
              <StateTag state={report.state} />
              {report.gbtGrade ? <GradeTag grade={report.gbtGrade} /> : null}
              {report.overdue ? (
                <Tag color="red" icon={<AlertOutlined />}>
                  {t('reports.overdue')}
                </Tag>
              ) : null}
            </Space>
            <Typography.Title level={3} style={{ margin: '10px 0 4px' }} data-testid="report-title">
              {report.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {[report.productName, report.productModel].filter(Boolean).join(' · ')}
              {report.vendorName ? ` — ${report.vendorName}` : ''}
            </Typography.Text>
          </div>
          <Flex gap={8} wrap justify="flex-end" data-testid="action-bar">
            {events.map((e) => {
              const emphasis = eventEmphasis(e);
              return (
                <Button
                  key={e}
                  type={emphasis === 'primary' ? 'primary' : 'default'}
                  danger={emphasis === 'danger'}
                  onClick={() => open(e)}
                  data-testid={`action-${e}`}
                >
                  {t(`events.${e}`)}
                </Button>
              );
            })}
            {refile ? (
              <Button type="primary" onClick={refile} data-testid="action-refile">
                {t('national.refile')}
              </Button>
            ) : null}
            {coordinator && !report.vendorOrgId ? (
              <Button
                type="primary"
                icon={<NodeIndexOutlined />}
                onClick={() => setAssigning(true)}
                data-testid="action-assign"
              >
                {t('assign.open')}
              </Button>
            ) : null}
            {coordinator && !CLOSED_FOR_APPROVAL.has(report.state) ? (
              <Button icon={<SafetyOutlined />} onClick={() => setApproving(true)}>
                {t('approval.open')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      </Card>

      {report.escalatedAt ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="escalated-alert"
          title={t('reports.escalatedTitle')}
          description={t('reports.escalatedText', { time: formatTime(report.escalatedAt) })}
        />
      ) : null}
      {report.state === 'needs-info' && lastRequest ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.infoRequested')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{lastRequest.note}</span>}
        />
      ) : null}
      {!report.vendorOrgId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.unroutedTitle')}
          description={t('reports.unroutedText')}
        />
      ) : null}
      {report.state === 'published' ? (
        <Alert
          type="success"
          showIcon
          icon={<GlobalOutlined />}
          style={{ marginBottom: 16 }}
          title={t('reports.publishedTitle')}
          action={
            <Link to={`/advisories/${report.ref}`} data-testid="advisory-link">
              {t('reports.viewAdvisory')}
            </Link>
          }
        />
      ) : null}

      <Row gutter={[20, 20]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={20}>
            <Card size="small" title={t('reports.description')}>
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                data-testid="report-description"
              >
                {report.description}
              </Typography.Paragraph>
            </Card>
            {report.assessment ? (
              <Card size="small" title={t('reports.assessment')} data-testid="assessment-card">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'harm', label: t('actions.fields.harm'), children: report.assessment.harm },
                    { key: 'scope', label: t('actions.fields.scope'), children: report.assessment.scope },
                    {
                      key: 'upstream',
                      label: t('reports.upstreamAffected'),
                      children: report.assessment.upstreamAffected ? t('common.yes') : t('common.no'),
                    },
                  ]}
                />
              </Card>
            ) : null}
            {report.fix ? (
              <Card size="small" title={t('reports.fix')} data-testid="fix-card">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'kind',
                      label: t('actions.fields.fixKind'),
                      children: <Tag color="green">{t(`fixKinds.${report.fix.kind}`)}</Tag>,
                    },
                    {
                      key: 'desc',
                      label: t('actions.fields.fixDescription'),
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{report.fix.description}</span>,
                    },
                    {
                      key: 'versions',
                      label: t('actions.fields.fixedVersions'),
                      children: report.fix.fixedVersions.length
                        ? report.fix.fixedVersions.map((v) => <Tag key={v}>{v}</Tag>)
                        : '—',
                    },
                    ...(report.fix.url
                      ? [
                          {
                            key: 'url',
                            label: t('actions.fields.fixUrl'),
                            children: (
                              <a href={report.fix.url} target="_blank" rel="noreferrer">
                                {report.fix.url}
                              </a>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            ) : null}
            <Card size="small" title={t('timeline.title')}>
              <ReportTimeline entries={report.timeline} myOrgId={me.org.id} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={20}>
            {report.vendorOrgId ? <ClocksCard report={report} fetchedAt={fetchedAt} /> : null}
            {filed ? <NationalReportCard filed={filed} onRefile={refile} /> : null}
            <Card size="small" title={t('reports.info')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'vendor', label: t('reports.fields.vendor'), children: report.vendorName ?? '—' },
                  {
                    key: 'versions',
                    label: t('reports.fields.versions'),
                    children: report.affectedVersions.map((v) => <Tag key={v}>{v}</Tag>),
                  },
                  { key: 'cwe', label: 'CWE', children: report.cwe ?? '—' },
                  { key: 'cvss', label: t('reports.fields.cvss'), children: <CvssTags cvss={report.cvss} /> },
                  {
                    key: 'grade',
                    label: t('reports.fields.gbtGrade'),
                    children: <GradeTag grade={report.gbtGrade} />,
                  },
                  {
                    key: 'reporter',
                    label: t('reports.fields.reporter'),
                    children: `${t(`reporterKinds.${report.reporterKind}`)}${report.onBehalfOf ? ` · ${report.onBehalfOf}` : ''}`,
                  },
                  {
                    key: 'created',
                    label: t('reports.fields.createdAt'),
                    children: formatTime(report.createdAt),
                  },
                  { key: 'aware', label: t('reports.fields.awareAt'), children: formatTime(report.awareAt) },
                  ...(report.parentReportId
                    ? [
                        {
                          key: 'parent',
                          label: t('reports.fields.parent'),
                          children: (
                            <Link to={`/vulnerabilities/${report.parentReportId}`}>
                              {t('common.details')}
                            </Link>
                          ),
                        },
                      ]
                    : []),
                  ...(report.duplicateOf
                    ? [
                        {
                          key: 'dup',
                          label: t('reports.fields.duplicateOf'),
                          children: (
                            <Link to={`/vulnerabilities/${report.duplicateOf}`}>{t('common.details')}</Link>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <ExternalIdsCard report={report} onSaved={merge} />
            <AttachmentsCard report={report} onAdded={loaded.reload} />
            <DuplicatesCard report={report} />
          </Flex>
        </Col>
      </Row>

      <TransitionModal
        event={transition}
        report={report}
        onClose={() => setTransition(null)}
        onDone={(r) => {
          message.success(t('actions.done', { action: t(`events.${transition ?? 'close'}`) }));
          setTransition(null);
          replace(r);
        }}
      />
      <NationalReportModal
        open={nationalOpen}
        report={report}
        fetchedAt={fetchedAt}
        filed={refile ? filed : null}
        onClose={() => setNationalOpen(false)}
        onDone={() => {
          message.success(t('national.filed'));
          setNationalOpen(false);
          loaded.reload();
          national.reload();
        }}
      />
      <PublicationDrawer
        open={publishing}
        report={report}
        onClose={() => setPublishing(false)}
        onPublished={() => {
          setPublishing(false);
          loaded.reload();
        }}
      />
      <AssignVendorModal
        report={assigning ? report : null}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setAssigning(false);
          message.success(t('assign.done'));
          loaded.reload();
        }}
      />
      <ApprovalModal
        reportId={report.id}
        open={approving}
        onClose={() => setApproving(false)}
        onDone={() => {
          setApproving(false);
          loaded.reload();
        }}
      />
    </div>
  );
}
