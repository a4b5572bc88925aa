import { SearchOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useProvinces } from '../../lib/provinces';
import type { AffectedByAdvisory, OrgKind } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

const ProvinceBarChart = lazy(() => import('../../components/ProvinceBarChart'));

const RECENT_KEY = 'bulwark.affected.recent';
const RECENT_MAX = 8;

const recentIds = (): string[] => {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
const remember = (id: string) => {
  try {
    localStorage.setItem(
      RECENT_KEY,
      JSON.stringify([id, ...recentIds().filter((x) => x !== id)].slice(0, RECENT_MAX)),
    );
  } catch {
    // Private mode may refuse storage; the lookup still works.
  }
};

type OrgRow = AffectedByAdvisory['orgs'][number];

const matches = (input: string, option: { value?: unknown } | undefined) =>
  typeof option?.value === 'string' && option.value.toLowerCase().includes(input.toLowerCase());

/**
 * Which organisations an advisory hits, by open exposures: nationally for the ministry, within its province for a
 * provincial regulator (the server scopes the answer), with counts per province.
 */
export default function AffectedPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  const [params, setParams] = useSearchParams();
  const advisoryId = params.get('id')?.trim() ?? '';
  const [draft, setDraft] = useState(advisoryId);
  const province = me.org.kind === 'provincial-regulator';
  // Bulwark's own published advisories enter the matcher as OSV records named `x_<ref>` (unregistered prefix).
  const published = useAsync(() => api.advisories(undefined, 50), []);
  const affected = useAsync(async () => (advisoryId ? api.affectedBy(advisoryId) : null), [advisoryId]);

  useEffect(() => setDraft(advisoryId), [advisoryId]);
  useEffect(() => {
    if (advisoryId && affected.data) remember(advisoryId);
  }, [advisoryId, affected.data]);

  const search = (value: string) => {
    const id = value.trim();
    if (id) setParams({ id }, { replace: false });
  };

  const recent = recentIds();
  const options = [
    ...(recent.length
      ? [{ label: t('affected.recent'), options: recent.map((id) => ({ value: id, label: id })) }]
      : []),
    ...(published.data?.length
      ? [
          {
            label: t('affected.published'),
            options: published.data.map((a) => ({
              value: `x_${a.ref}`,
              label: (
                <Flex gap={8}>
                  <Typography.Text code>{`x_${a.ref}`}</Typography.Text>
                  <Typography.Text ellipsis type="secondary">
                    {a.title}
                  </Typography.Text>
                </Flex>
              ),
            })),
          },
        ]
      : []),
  ];

  const data = affected.data;
  const exposures = data?.orgs.reduce((n, o) => n + o.exposures, 0) ?? 0;
  // A province sees only its own enterprises, so the per-province breakdown is the ministry's view alone.
  const statSpan = province ? 12 : 8;
  const chart = (data?.byProvince ?? []).map((p) => ({ name: nameOf(p.provinceCode), value: p.orgs }));

  return (
    <div data-testid="affected-page">
      <PageHeader
        title={
          province
            ? t('affected.titleProvince', { province: nameOf(me.org.provinceCode) })
            : t('affected.title')
        }
        subtitle={province ? t('affected.subtitleProvince') : t('affected.subtitle')}
      />
      <Card style={{ marginBottom: 20 }}>
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <AutoComplete
            value={draft}
            options={options}
            onChange={setDraft}
            onSelect={(v: string) => search(v)}
            style={{ flex: 1 }}
            filterOption={(input, option) => matches(input, option as { value?: unknown } | undefined)}
          >
            <Input
              size="large"
              allowClear
              placeholder={t('affected.placeholder')}
              onPressEnter={() => search(draft)}
              data-testid="affected-input"
            />
          </AutoComplete>
          <Button
            size="large"
            type="primary"
            icon={<SearchOutlined />}
            onClick={() => search(draft)}
            data-testid="affected-search"
          >
            {t('affected.search')}
          </Button>
        </Space.Compact>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          {t('affected.hint')}
        </Typography.Paragraph>
      </Card>

      <ProblemAlert error={affected.error} />
      {!advisoryId ? (
        <Card>
          <Empty description={t('affected.prompt')} />
        </Card>
      ) : affected.loading && !data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : data ? (
        <div data-testid="affected-result" data-advisory={data.advisoryId}>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={statSpan}>
              <Card size="small">
                <Statistic
                  title={t('affected.stats.orgs')}
                  value={data.orgs.length}
                  styles={data.orgs.length ? { content: { color: '#cf1322' } } : undefined}
                />
              </Card>
            </Col>
            <Col xs={12} md={statSpan}>
              <Card size="small">
                <Statistic title={t('affected.stats.exposures')} value={exposures} />
              </Card>
            </Col>
            {province ? null : (
              <Col xs={12} md={statSpan}>
                <Card size="small">
                  <Statistic title={t('affected.stats.provinces')} value={data.byProvince.length} />
                </Card>
              </Col>
            )}
          </Row>
          <Row gutter={[20, 20]}>
            <Col xs={24} xl={province ? 24 : 14}>
              <Card
                title={
                  <Space>
                    {t('affected.orgsTitle')}
                    <Typography.Text code>{data.advisoryId}</Typography.Text>
                  </Space>
                }
                style={{ height: '100%' }}
              >
                <Table<OrgRow>
                  rowKey="orgId"
                  size="middle"
                  dataSource={data.orgs}
                  pagination={data.orgs.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
                  data-testid="affected-orgs"
                  locale={{
                    emptyText: (
                      <Empty
                        description={province ? t('affected.emptyProvince') : t('affected.empty')}
                        data-testid="affected-empty"
                      />
                    ),
                  }}
                  columns={[
                    {
                      key: 'name',
                      title: t('affected.fields.org'),
                      render: (_v, o) => <Link to={`/orgs/${o.orgId}`}>{o.name}</Link>,
                    },
                    {
                      key: 'kind',
                      title: t('affected.fields.kind'),
                      width: 120,
                      render: (_v, o) => (
                        <Tag>{t(`orgKinds.${o.kind as OrgKind}`, { defaultValue: o.kind })}</Tag>
                      ),
                    },
                    {
                      key: 'province',
                      title: t('affected.fields.province'),
                      width: 120,
                      render: (_v, o) => nameOf(o.provinceCode),
                    },
                    {
                      key: 'exposures',
                      title: t('affected.fields.exposures'),
                      width: 110,
                      align: 'right',
                      sorter: (a, b) => a.exposures - b.exposures,
                      render: (_v, o) => <Typography.Text strong>{o.exposures}</Typography.Text>,
                    },
                  ]}
                />
              </Card>
            </Col>
            {province ? null : (
              <Col xs={24} xl={10}>
                <Card
                  title={t('affected.byProvinceTitle')}
                  style={{ height: '100%' }}
                  data-testid="affected-by-province"
                >
                  {chart.length ? (
                    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                      <ProvinceBarChart data={chart} seriesName={t('affected.chartSeries')} />
                    </Suspense>
                  ) : null}
                  <Table<AffectedByAdvisory['byProvince'][number]>
                    rowKey="provinceCode"
                    size="small"
                    pagination={false}
                    dataSource={data.byProvince}
                    locale={{
                      emptyText: (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('affected.noProvinces')} />
                      ),
                    }}
                    columns={[
                      {
                        key: 'province',
                        title: t('affected.fields.province'),
                        render: (_v, p) => nameOf(p.provinceCode),
                      },
                      {
                        key: 'orgs',
                        title: t('affected.chartSeries'),
                        align: 'right',
                        render: (_v, p) => p.orgs,
                      },
                    ]}
                  />
                </Card>
              </Col>
            )}
          </Row>
        </div>
      ) : null}
    </div>
  );
}
