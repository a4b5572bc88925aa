import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../contracts/enterprises';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useKeyset } from '../../lib/useKeyset';
import { type EnterpriseFilter, enterprisesApi } from './api';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { ImportModal } from './ImportModal';
import { placesFor } from './places';

const yuan = (n: number | null) =>
  n === null ? '—' : (n / 10_000).toLocaleString(undefined, { maximumFractionDigits: 0 });

/** The columns both tabs show. */
function useColumns(): ColumnsType<Enterprise> {
  const { t, i18n } = useTranslation();
  const places = placesFor(i18n.language === 'en');
  return [
    {
      key: 'name',
      title: t('enterprises.fields.name'),
      render: (_v, e) => (
        <Space size={4} wrap>
          <Typography.Text strong>{e.name}</Typography.Text>
          {e.topDecile ? <Tag color="gold">{t('enterprises.topDecileTag')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'uscc',
      title: t('enterprises.fields.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      key: 'city',
      title: t('enterprises.fields.city'),
      width: 130,
      render: (_v, e) => places.cityName(e.cityCode),
    },
    {
      key: 'industry',
      title: t('enterprises.fields.industry'),
      ellipsis: true,
      render: (_v, e) => places.divisionName(e.industryDivision),
    },
    {
      key: 'aboveSize',
      title: t('enterprises.fields.aboveSize'),
      width: 90,
      render: (_v, e) => (e.aboveSize ? t('common.yes') : t('common.no')),
    },
    {
      key: 'revenue',
      title: t('enterprises.fields.revenueWan'),
      width: 150,
      align: 'right',
      render: (_v, e) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {yuan(e.annualRevenueYuan)}
          {e.revenueYear ? <Typography.Text type="secondary"> ({e.revenueYear})</Typography.Text> : null}
        </span>
      ),
    },
  ];
}

/** The searchable, filterable registry list. */
function RegistryList({ onOpen, version }: { onOpen: (e: Enterprise) => void; version: number }) {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const places = placesFor(i18n.language === 'en');
  const provincial = me.org.kind === 'provincial-regulator';
  const [f, setF] = useState<EnterpriseFilter>({});
  const [q, setQ] = useState('');
  const province = provincial ? (me.org.provinceCode ?? undefined) : f.provinceCode;
  const list = useKeyset(
    (cursor) => enterprisesApi.list({ ...f, cursor, limit: 50 }),
    [JSON.stringify(f), version],
  );
  const set = (patch: EnterpriseFilter) => setF((prev) => ({ ...prev, ...patch }));
  const columns = useColumns();
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('enterprises.filters.q')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 260 }}
          data-testid="enterprise-search"
        />
        {provincial ? null : (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('enterprises.fields.province')}
            options={places.provinces}
            value={f.provinceCode}
            onChange={(v?: string) => set({ provinceCode: v, cityCode: undefined })}
            style={{ width: 160 }}
          />
        )}
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('enterprises.fields.city')}
          options={places.cities(province)}
          value={f.cityCode}
          disabled={!province}
          onChange={(v?: string) => set({ cityCode: v })}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('enterprises.filters.section')}
          options={places.sections}
          value={f.industrySection}
          onChange={(v?: string) => set({ industrySection: v, industryDivision: undefined })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('enterprises.fields.industry')}
          options={
            f.industrySection
              ? places.divisions.filter((g) => g.label.startsWith(`${f.industrySection} `))
              : places.divisions
          }
          value={f.industryDivision}
          onChange={(v?: string) => set({ industryDivision: v })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('enterprises.fields.aboveSize')}
          options={yesNo}
          value={f.aboveSize}
          onChange={(v?: 'true' | 'false') => set({ aboveSize: v })}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          placeholder={t('enterprises.fields.topDecile')}
          options={yesNo}
          value={f.topDecile}
          onChange={(v?: 'true' | 'false') => set({ topDecile: v })}
          style={{ width: 140 }}
          data-testid="enterprise-top-filter"
        />
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<Enterprise>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="enterprise-table"
        onRow={(e) => ({ onClick: () => onOpen(e), style: { cursor: 'pointer' } })}
      />
      {list.more ? (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

/** Each province's top 10 % by revenue (34号), with the population and quota it was drawn from. */
function TopDecileTab({ onOpen, version }: { onOpen: (e: Enterprise) => void; version: number }) {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const places = placesFor(i18n.language === 'en');
  const provincial = me.org.kind === 'provincial-regulator';
  const [province, setProvince] = useState<string>(me.org.provinceCode ?? '440000');
  const top = useAsync(() => enterprisesApi.topDecile(province), [province, version]);
  const columns = useColumns();
  return (
    <>
      <Flex wrap gap={16} align="center" style={{ marginBottom: 12 }}>
        {provincial ? null : (
          <Select
            showSearch
            optionFilterProp="label"
            options={places.provinces}
            value={province}
            onChange={setProvince}
            style={{ width: 180 }}
            data-testid="top-province"
          />
        )}
        {top.data ? (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('enterprises.top.population')}>
              {top.data.population}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprises.top.quota')}>{top.data.quota}</Descriptions.Item>
            <Descriptions.Item label={t('enterprises.top.computedAt')}>
              {formatTime(top.data.computedAt)}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Flex>
      <ProblemAlert error={top.error} />
      <Table<Enterprise>
        rowKey="id"
        size="small"
        loading={top.loading}
        dataSource={top.data?.items ?? []}
        columns={[{ key: 'rank', title: '#', width: 50, render: (_v, _e, i) => i + 1 }, ...columns]}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="top-table"
        onRow={(e) => ({ onClick: () => onOpen(e), style: { cursor: 'pointer' } })}
      />
    </>
  );
}

/** The enterprise registry for regulators: list, detail and edit, registration, import and the top 10 %. */
export default function EnterprisesPage() {
  const me = useMe();
  const { t } = useTranslation();
  const admin = me.user.role === 'admin';
  const canEdit = me.user.role !== 'viewer';
  const [open, setOpen] = useState<Enterprise | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <div data-testid="enterprises-page">
      <PageHeader
        title={t('enterprises.title')}
        subtitle={t('enterprises.subtitle')}
        extra={
          admin ? (
            <Space>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setOpen('new')}
                data-testid="enterprise-create"
              >
                {t('enterprises.create')}
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="enterprise-import"
              >
                {t('enterprises.import.title')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'list',
              label: t('enterprises.tabs.list'),
              children: <RegistryList onOpen={setOpen} version={version} />,
            },
            {
              key: 'top',
              label: t('enterprises.tabs.top'),
              children: <TopDecileTab onOpen={setOpen} version={version} />,
            },
          ]}
        />
      </Card>
      <EnterpriseDrawer
        open={open !== null}
        enterprise={open === 'new' ? null : open}
        provinceCode={me.org.provinceCode}
        canEdit={open === 'new' ? admin : canEdit}
        onClose={() => setOpen(null)}
        onSaved={(e) => {
          setOpen(e);
          changed();
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} onDone={changed} />
    </div>
  );
}
