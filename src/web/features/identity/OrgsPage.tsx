import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canCreateOrgs } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { ORG_KINDS } from '../../lib/domain';
import { formatTime } from '../../lib/format';
import { useProvinces } from '../../lib/provinces';
import type { Org, OrgKind, OrgListParams } from '../../lib/types';
import { CreateOrgModal } from './CreateOrgModal';

const PAGE = 50;

/** Regulators' organisation registry: national for the ministry, the province's enterprises for a province. */
export default function OrgsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { provinces, nameOf } = useProvinces();
  const national = me.org.kind === 'ministry';
  const [kind, setKind] = useState<OrgKind | undefined>(undefined);
  const [provinceCode, setProvinceCode] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Org[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const ownProvince = me.org.provinceCode ?? undefined;

  const load = useCallback(
    async (after: string | null) => {
      // A province sees only its own enterprises; the server scopes too, the filter makes the intent explicit.
      const params: OrgListParams = national
        ? { kind, provinceCode, q: q || undefined, limit: PAGE }
        : { kind: 'enterprise', provinceCode: ownProvince, q: q || undefined, limit: PAGE };
      setLoading(true);
      setError(null);
      try {
        const page = await api.orgs({ ...params, cursor: after ?? undefined });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [kind, provinceCode, q, national, ownProvince],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div data-testid="orgs-page">
      <PageHeader
        title={
          national ? t('orgs.title') : t('orgs.titleProvince', { province: nameOf(me.org.provinceCode) })
        }
        subtitle={national ? t('orgs.subtitle') : t('orgs.subtitleProvince')}
        extra={
          canCreateOrgs(me) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="org-create"
            >
              {national ? t('orgs.create') : t('orgs.createEnterprise')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={error} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          {national ? (
            <>
              <Select<OrgKind>
                allowClear
                placeholder={t('orgs.filterKind')}
                style={{ width: 180 }}
                value={kind}
                onChange={setKind}
                options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
                data-testid="filter-kind"
              />
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('orgs.filterProvince')}
                style={{ width: 180 }}
                value={provinceCode}
                onChange={setProvinceCode}
                options={provinces.map((p) => ({ value: p.code, label: nameOf(p.code) }))}
                data-testid="filter-province"
              />
            </>
          ) : null}
          <Input.Search
            allowClear
            placeholder={t('orgs.search')}
            style={{ width: 260 }}
            onSearch={(v) => setQ(v.trim())}
          />
        </Flex>
        <Table<Org>
          rowKey="id"
          loading={loading && items.length === 0}
          dataSource={items}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              key: 'name',
              title: t('org.fields.name'),
              render: (_v, o) => <Link to={`/orgs/${o.id}`}>{o.name}</Link>,
            },
            {
              key: 'kind',
              title: t('org.fields.kind'),
              width: 150,
              render: (_v, o) => <Tag color="blue">{t(`orgKinds.${o.kind}`)}</Tag>,
            },
            {
              key: 'province',
              title: t('org.fields.province'),
              width: 130,
              render: (_v, o) => nameOf(o.provinceCode),
            },
            { key: 'email', title: t('org.fields.contactEmail'), render: (_v, o) => o.contactEmail ?? '—' },
            {
              key: 'created',
              title: t('org.fields.createdAt'),
              width: 180,
              render: (_v, o) => formatTime(o.createdAt),
            },
          ]}
        />
        {cursor ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button loading={loading} onClick={() => void load(cursor)} data-testid="orgs-more">
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
      <CreateOrgModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void load(null);
        }}
      />
    </div>
  );
}
