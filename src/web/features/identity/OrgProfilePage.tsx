import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canEditOrg } from '../../app/access';
import { useMe, useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useProvinces } from '../../lib/provinces';
import type { Org } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { OrgEditForm } from './OrgEditForm';

/** Organisation profile: one's own (`/org`, editable by admins) or, for regulators, another (`/orgs/:orgId`). */
export default function OrgProfilePage() {
  const me = useMe();
  const { refresh } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { nameOf } = useProvinces();
  const { orgId = me.org.id } = useParams();
  const own = orgId === me.org.id;
  const org = useAsync(() => api.org(orgId), [orgId]);
  const [editing, setEditing] = useState(false);

  const saved = (next: Org) => {
    org.setData(() => next);
    setEditing(false);
    void message.success(t('org.saved'));
    if (own) void refresh();
  };

  const o = org.data;
  return (
    <div data-testid="org-profile">
      <PageHeader
        title={own ? t('org.ownTitle') : (o?.name ?? t('org.title'))}
        extra={
          o && canEditOrg(me, o) && !editing ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="org-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={org.error} />
      <Card>
        {!o ? (
          <Skeleton active loading={org.loading} />
        ) : editing ? (
          <OrgEditForm org={o} onSaved={saved} onCancel={() => setEditing(false)} />
        ) : (
          <Descriptions
            column={{ xs: 1, md: 2 }}
            bordered
            items={[
              { key: 'name', label: t('org.fields.name'), children: o.name, span: 2 },
              {
                key: 'kind',
                label: t('org.fields.kind'),
                children: <Tag color="blue">{t(`orgKinds.${o.kind}`)}</Tag>,
              },
              { key: 'province', label: t('org.fields.province'), children: nameOf(o.provinceCode) },
              { key: 'email', label: t('org.fields.contactEmail'), children: o.contactEmail ?? '—' },
              { key: 'phone', label: t('org.fields.contactPhone'), children: o.contactPhone ?? '—' },
              { key: 'address', label: t('org.fields.address'), children: o.address ?? '—', span: 2 },
              { key: 'created', label: t('org.fields.createdAt'), children: formatTime(o.createdAt) },
              { key: 'updated', label: t('org.fields.updatedAt'), children: formatTime(o.updatedAt) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
