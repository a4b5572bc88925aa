import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { Countdown } from '../../components/Countdown';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { AssetDrawer } from './AssetDrawer';
import { catalogApi, certificatePath, type DataAssetT, type FilingT, type OverviewT } from './api';
import { ReviewClock } from './FilingDetail';
import { FilingDrawer } from './FilingDrawer';
import { FilingStatusTag, LevelTag, RuleMark } from './marks';

/** What a change filing is owed for, as one line per reason. */
function Reasons({ o }: { o: NonNullable<OverviewT['obligation']> }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="refiling-reasons">
      {o.reasons.map((r) => (
        <li key={`${r.kind}-${r.category ?? ''}`}>
          {t(`catalog.obligation.reason.${r.kind}`, {
            category: r.category,
            before: r.before?.toLocaleString(),
            after: r.after?.toLocaleString(),
            pct: r.changePercent ?? '—',
          })}
        </li>
      ))}
    </ul>
  );
}

/** The filing status card: what is filed, what is under review or returned, and any change filing owed. */
function FilingCard({
  o,
  fetchedAt,
  admin,
  onChanged,
  onView,
}: {
  o: OverviewT;
  fetchedAt: number;
  admin: boolean;
  onChanged: () => void;
  onView: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const filable = o.counts.important + o.counts.core;
  const open = o.openFiling;
  const act = async (fn: () => Promise<FilingT>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(t(done));
      onChanged();
    } catch (err) {
      message.error(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={
        <Space>
          {t('catalog.card.title')}
          <RuleMark status={o.rules.filingLevels.status} clause={o.rules.filingLevels.clause} />
        </Space>
      }
      data-testid="filing-card"
      extra={
        admin && !open ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy}
            disabled={!filable || !o.recipient}
            onClick={() => act(catalogApi.submit, 'catalog.card.submitted')}
            data-testid="submit-filing"
          >
            {o.lastApproved ? t('catalog.card.submitChange') : t('catalog.card.submit')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Row gutter={16}>
          {(['general', 'important', 'core'] as const).map((l) => (
            <Col span={6} key={l}>
              <Statistic title={<LevelTag level={l} />} value={o.counts[l]} />
            </Col>
          ))}
          <Col span={6}>
            <Statistic title={t('catalog.card.filedRecords')} value={o.scale} />
          </Col>
        </Row>
        {o.recipient ? (
          <Typography.Text type="secondary">
            {t('catalog.card.recipient', { recipient: o.recipient[lang] })}
          </Typography.Text>
        ) : (
          <Alert type="info" showIcon message={t('catalog.card.noProfile')} />
        )}
        {!o.lastApproved && !open ? (
          <Alert
            type="info"
            showIcon
            data-testid="initial-filing-note"
            message={
              <Space wrap>
                {t('catalog.card.initialDue')}
                <RuleMark
                  status={o.rules.initialFilingDeadline.status}
                  clause={o.rules.initialFilingDeadline.clause}
                />
              </Space>
            }
          />
        ) : null}
        {open ? (
          <Flex vertical gap={8} data-testid="open-filing">
            <Flex gap={8} align="center" wrap>
              <FilingStatusTag status={open.status} />
              <Typography.Text>{t('catalog.filing.revision', { n: open.revision })}</Typography.Text>
              <ReviewClock filing={open} fetchedAt={fetchedAt} />
              <Button size="small" onClick={() => onView(open.id)}>
                {t('catalog.card.view')}
              </Button>
            </Flex>
            {open.status === 'returned' ? (
              <Alert
                type="warning"
                showIcon
                message={t('catalog.card.returned')}
                description={<span data-testid="returned-comment">{open.returnComment}</span>}
                action={
                  admin ? (
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() => act(() => catalogApi.resubmit(open.id), 'catalog.card.resubmitted')}
                      data-testid="resubmit-filing"
                    >
                      {t('catalog.card.resubmit')}
                    </Button>
                  ) : null
                }
              />
            ) : null}
          </Flex>
        ) : null}
        {o.lastApproved ? (
          <Flex gap={8} align="center" wrap data-testid="approved-filing">
            <FilingStatusTag status="approved" />
            <Typography.Text>{t('catalog.card.certificate')}</Typography.Text>
            <Link to={certificatePath(o.lastApproved.id)} data-testid="certificate-no">
              {o.lastApproved.certificateNo}
            </Link>
            <Typography.Text type="secondary">{o.lastApproved.certificateIssuedOn}</Typography.Text>
          </Flex>
        ) : null}
        {o.obligation ? (
          <Alert
            type="error"
            showIcon
            data-testid="refiling-obligation"
            message={
              <Space wrap>
                {t('catalog.obligation.title', { day: o.obligation.lastDay })}
                <Countdown clock={o.obligation.clock} fetchedAt={fetchedAt} testId="refiling-countdown" />
                <RuleMark status={o.obligation.status} clause={o.obligation.clause} />
              </Space>
            }
            description={<Reasons o={o.obligation} />}
          />
        ) : null}
      </Flex>
    </Card>
  );
}

/** An enterprise's data catalog: classified assets, the catalog filing and its history (Measures 2022). */
export default function DataCatalogPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = me.user.role === 'admin';
  const questions = useAsync(() => catalogApi.questions(), []);
  const overview = useAsync(() => catalogApi.overview(), []);
  const assets = useAsync(() => catalogApi.assets(), []);
  const filings = useAsync(() => catalogApi.filings(), []);
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const [editing, setEditing] = useState<DataAssetT | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const reload = () => {
    overview.reload();
    assets.reload();
    filings.reload();
    setFetchedAt(Date.now());
  };
  const destroy = async (a: DataAssetT) => {
    try {
      await catalogApi.destroyAsset(a.id);
      message.success(t('catalog.assets.destroyed', { name: a.name }));
      reload();
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            disabled={!questions.data}
            data-testid="add-asset"
          >
            {t('catalog.assets.add')}
          </Button>
        }
      />
      <ProblemAlert error={overview.error ?? assets.error ?? questions.error} />
      <Flex vertical gap={16}>
        {overview.data ? (
          <FilingCard
            o={overview.data}
            fetchedAt={fetchedAt}
            admin={admin}
            onChanged={reload}
            onView={setViewing}
          />
        ) : null}
        <Card title={t('catalog.assets.title')}>
          <Table<DataAssetT>
            rowKey="id"
            size="middle"
            loading={assets.loading}
            dataSource={assets.data}
            data-testid="assets-table"
            pagination={false}
            rowClassName={(a) => (a.status === 'destroyed' ? 'ant-table-row-disabled' : '')}
            columns={[
              { title: t('catalog.fields.name'), dataIndex: 'name', key: 'name' },
              { title: t('catalog.fields.category'), dataIndex: 'category', key: 'category' },
              {
                title: t('catalog.fields.level'),
                key: 'level',
                render: (_, a) => (
                  <Space size={4}>
                    <LevelTag level={a.level} testId={`level-${a.name}`} />
                    {a.overrideReason ? <Tag>{t('catalog.assets.overridden')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('catalog.fields.records'),
                key: 'records',
                align: 'right',
                render: (_, a) => a.scale.records.toLocaleString(),
              },
              {
                title: t('catalog.assets.status'),
                key: 'status',
                render: (_, a) =>
                  a.status === 'destroyed' ? (
                    <Tag>{t('catalog.assets.destroyedAt', { time: formatTime(a.destroyedAt) })}</Tag>
                  ) : (
                    <Tag color="green">{t('catalog.assets.active')}</Tag>
                  ),
              },
              {
                title: '',
                key: 'actions',
                render: (_, a) =>
                  a.status === 'active' ? (
                    <Space>
                      <Button size="small" onClick={() => setEditing(a)} data-testid={`edit-${a.name}`}>
                        {t('catalog.assets.editShort')}
                      </Button>
                      <Popconfirm title={t('catalog.assets.confirmDestroy')} onConfirm={() => destroy(a)}>
                        <Button size="small" danger>
                          {t('catalog.assets.destroy')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </Card>
        <Card title={t('catalog.history.title')}>
          <Table<FilingT>
            rowKey="id"
            size="small"
            loading={filings.loading}
            dataSource={filings.data}
            pagination={false}
            data-testid="filing-history"
            columns={[
              {
                title: t('catalog.filing.submittedAt'),
                key: 'at',
                render: (_, f) => formatTime(f.submittedAt),
              },
              {
                title: t('catalog.filing.kind'),
                key: 'kind',
                render: (_, f) => t(`catalog.filing.kinds.${f.kind}`),
              },
              {
                title: t('catalog.filing.status'),
                key: 'status',
                render: (_, f) => <FilingStatusTag status={f.status} />,
              },
              { title: t('catalog.filing.revisionShort'), dataIndex: 'revision', key: 'revision' },
              {
                title: t('catalog.filing.certificate'),
                key: 'cert',
                render: (_, f) =>
                  f.certificateNo ? <Link to={certificatePath(f.id)}>{f.certificateNo}</Link> : '—',
              },
              {
                title: '',
                key: 'view',
                render: (_, f) => (
                  <Button size="small" onClick={() => setViewing(f.id)}>
                    {t('catalog.card.view')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      {questions.data ? (
        <AssetDrawer
          open={editing !== null}
          asset={editing === 'new' ? null : editing}
          questions={questions.data}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            message.success(t('catalog.assets.saved', { name: r.asset.name }));
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      <FilingDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
