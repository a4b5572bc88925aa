import { Descriptions, Flex, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Countdown } from '../../components/Countdown';
import { formatTime } from '../../lib/format';
import { certificatePath, type FilingDetailT, type FilingT, type Level } from './api';
import { FilingStatusTag, LevelTag, RuleMark } from './marks';

type Row = Record<string, unknown>;

const text = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'object')
    return Object.values(v as Row)
      .map(text)
      .join(' / ');
  return String(v);
};

/** The review clock of a filing: due date, working days left and a live countdown while under review. */
export function ReviewClock({ filing, fetchedAt }: { filing: FilingT; fetchedAt: number }) {
  const { t } = useTranslation();
  const r = filing.review;
  return (
    <Flex gap={8} align="center" wrap data-testid="review-clock">
      <Countdown clock={r.clock} fetchedAt={fetchedAt} testId="review-countdown" />
      <Typography.Text type="secondary">
        {t('catalog.review.due', { day: r.lastDay, n: r.workingDays })}
      </Typography.Text>
      {filing.status === 'submitted' ? (
        <Typography.Text type={r.overdue ? 'danger' : undefined} data-testid="working-days-left">
          {t('catalog.review.left', { n: r.workingDaysLeft })}
        </Typography.Text>
      ) : null}
      <RuleMark status={r.status} clause={r.clause} />
    </Flex>
  );
}

/** A filing's summary, its filed snapshot (the pack's catalog fields) and its review timeline. */
export function FilingDetail({ filing, fetchedAt }: { filing: FilingDetailT; fetchedAt: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const keys = [...filing.fields.value, ...filing.furtherFields.value].filter((f) => f.key !== 'level');
  const columns = [
    { title: t('catalog.fields.name'), dataIndex: 'name', key: 'name', fixed: 'left' as const, width: 140 },
    {
      title: t('catalog.fields.level'),
      key: 'level',
      width: 90,
      render: (_: unknown, r: Row) => <LevelTag level={r.level as Level} />,
    },
    ...keys.map((f) => ({ title: f[lang], key: f.key, render: (_: unknown, r: Row) => text(r[f.key]) })),
  ];
  return (
    <Flex vertical gap={16} data-testid="filing-detail">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('catalog.filing.org')}>{filing.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.filing.status')}>
          <FilingStatusTag status={filing.status} /> {t('catalog.filing.revision', { n: filing.revision })}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.filing.recipient')}>{filing.recipient[lang]}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.filing.kind')}>
          {t(`catalog.filing.kinds.${filing.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.filing.scale')}>
          {filing.scale.toLocaleString()}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.filing.submittedAt')}>
          {formatTime(filing.submittedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.filing.review')} span={2}>
          <ReviewClock filing={filing} fetchedAt={fetchedAt} />
        </Descriptions.Item>
        {filing.certificateNo ? (
          <Descriptions.Item label={t('catalog.filing.certificate')} span={2}>
            <Link to={certificatePath(filing.id)} data-testid="certificate-link">
              {filing.certificateNo}
            </Link>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Flex align="center" gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('catalog.filing.snapshot')}
        </Typography.Title>
        <RuleMark status={filing.fields.status} clause={filing.fields.clause} />
      </Flex>
      <Table<Row>
        size="small"
        rowKey={(r) => String(r.assetId)}
        dataSource={filing.snapshot}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="snapshot-table"
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('catalog.filing.timeline')}
      </Typography.Title>
      <Timeline
        data-testid="filing-timeline"
        items={filing.events.map((e) => ({
          color:
            e.kind === 'returned' || e.kind === 'review-overdue'
              ? 'red'
              : e.kind === 'approved'
                ? 'green'
                : 'blue',
          children: (
            <div>
              <Typography.Text strong>{t(`catalog.events.${e.kind}`, { n: e.revision })}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
              {e.comment ? (
                <Typography.Paragraph style={{ margin: 0 }} data-testid="return-comment">
                  {e.comment}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        }))}
      />
    </Flex>
  );
}
