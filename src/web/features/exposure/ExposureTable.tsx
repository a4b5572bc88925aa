import { AuditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManageAssets } from '../../app/access';
import { useMe } from '../../app/session';
import { ExposureStateTag, SeverityTag } from '../../components/ExposureTags';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Exposure, ExposureListParams } from '../../lib/types';
import { useKeyset } from '../../lib/useKeyset';
import { ComponentAdvisoriesButton } from './ComponentAdvisories';
import { TriageDrawer } from './TriageDrawer';

/** Filters of an exposure list (the keyset cursor is the table's own business). */
export type ExposureFilter = Omit<ExposureListParams, 'cursor' | 'limit'>;

/**
 * Exposures most severe first with keyset "load more"; a row opens the triage drawer. `version` reloads the list
 * from the start (after an SBOM upload changed what is exposed).
 */
export function ExposureTable({
  filter,
  showAsset = true,
  version = 0,
  filtered = false,
}: {
  filter: ExposureFilter;
  showAsset?: boolean;
  version?: number;
  /** Whether the user narrowed the list (the empty state then says so). */
  filtered?: boolean;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const { state, open, assetId } = filter;
  const list = useKeyset(
    (cursor) => api.exposures({ state, open, assetId, cursor, limit: 50 }),
    [state, open, assetId, version],
  );
  const [selected, setSelected] = useState<Exposure | null>(null);
  const triages = canManageAssets(me);

  const columns: ColumnsType<Exposure> = [
    {
      key: 'severity',
      title: t('exposures.fields.severity'),
      width: 110,
      render: (_v, e) => <SeverityTag severity={e.severity} />,
    },
    {
      key: 'advisory',
      title: t('exposures.fields.advisory'),
      render: (_v, e) => (
        <div style={{ minWidth: 220 }}>
          <Typography.Text code strong data-testid="exposure-advisory">
            {e.advisoryId}
          </Typography.Text>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2 }}
            style={{ margin: '2px 0 0', fontSize: 13 }}
          >
            {e.summary ?? t('exposures.noSummary')}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      key: 'component',
      title: t('exposures.fields.component'),
      width: 240,
      render: (_v, e) => (
        <div>
          <Flex gap={2} align="center">
            <Typography.Text strong style={{ wordBreak: 'break-all' }}>
              {e.name}
            </Typography.Text>
            <ComponentAdvisoriesButton pkg={e} />
          </Flex>
          <Flex gap={6} align="center">
            <Tag color="blue" data-testid="exposure-version" style={{ marginInlineEnd: 0 }}>
              {e.version}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.ecosystem}
            </Typography.Text>
          </Flex>
        </div>
      ),
    },
    ...(showAsset
      ? ([
          {
            key: 'asset',
            title: t('exposures.fields.asset'),
            width: 180,
            render: (_v, e) => (
              <Link to={`/inventory/${e.assetId}`} style={{ whiteSpace: 'nowrap' }}>
                {e.assetName}
              </Link>
            ),
          },
        ] satisfies ColumnsType<Exposure>)
      : []),
    {
      key: 'state',
      title: t('exposures.fields.state'),
      width: 170,
      render: (_v, e) => (
        <Flex vertical gap={2} align="flex-start">
          <ExposureStateTag state={e.state} />
          {e.justification ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="exposure-justification">
              {t(`vexJustifications.${e.justification}.label`, { defaultValue: e.justification })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'seen',
      title: t('exposures.fields.lastSeen'),
      width: 170,
      render: (_v, e) =>
        e.resolvedAt ? (
          <Tooltip title={t('exposures.resolvedHint')}>
            <Tag color="success">{t('exposures.resolvedAt', { time: formatTime(e.resolvedAt) })}</Tag>
          </Tooltip>
        ) : (
          <Tooltip title={t('exposures.firstSeen', { time: formatTime(e.firstSeenAt) })}>
            <span style={{ whiteSpace: 'nowrap' }}>{formatTime(e.lastSeenAt)}</span>
          </Tooltip>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      fixed: 'right',
      render: (_v, e) =>
        triages && e.orgId === me.org.id ? (
          <Button
            size="small"
            icon={<AuditOutlined />}
            onClick={() => setSelected(e)}
            data-testid="exposure-triage"
          >
            {t('exposures.triage.open')}
          </Button>
        ) : (
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setSelected(e)}>
            {t('common.details')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <ProblemAlert error={list.error} />
      <Table<Exposure>
        rowKey="id"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 1080 }}
        tableLayout="auto"
        data-testid="exposure-table"
        onRow={(e) => ({ onDoubleClick: () => setSelected(e) })}
        locale={{
          emptyText: <Empty description={filtered ? t('exposures.emptyFiltered') : t('exposures.empty')} />,
        }}
      />
      {list.more ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.more} data-testid="exposures-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
      <TriageDrawer
        exposure={selected}
        onClose={() => setSelected(null)}
        onSaved={() => {
          setSelected(null);
          list.reload();
        }}
      />
    </>
  );
}
