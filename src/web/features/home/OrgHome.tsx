import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { useProvinces } from '../../lib/provinces';
import { ObligationsPanel } from './ObligationsPanel';
import type { DutyBearer } from './obligations';

/** Workspace landing for enterprises, vendors, collection platforms and researchers. */
export function OrgHome() {
  const me = useMe();
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  const kind = me.org.kind as DutyBearer;
  const { org, user } = me;

  return (
    <div data-testid={`home-${kind}`}>
      <PageHeader title={t(`home.${kind}.title`)} subtitle={t('home.welcome', { name: user.name })} />
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={9}>
          <Flex vertical gap={20}>
            <Card
              title={
                <Flex gap={8} align="center">
                  <IdcardOutlined />
                  {t('home.profileCard')}
                </Flex>
              }
              extra={<Link to="/org">{t('common.details')}</Link>}
              data-testid="org-card"
            >
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('org.fields.name'), children: org.name },
                  {
                    key: 'kind',
                    label: t('org.fields.kind'),
                    children: <Tag color="blue">{t(`orgKinds.${org.kind}`)}</Tag>,
                  },
                  { key: 'province', label: t('org.fields.province'), children: nameOf(org.provinceCode) },
                  { key: 'email', label: t('org.fields.contactEmail'), children: org.contactEmail ?? '—' },
                  { key: 'phone', label: t('org.fields.contactPhone'), children: org.contactPhone ?? '—' },
                ]}
              />
            </Card>
            <Card
              title={
                <Flex gap={8} align="center">
                  <UserOutlined />
                  {t('home.roleCard')}
                </Flex>
              }
              data-testid="role-card"
            >
              <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{user.name}</Typography.Text>
                <Tag color="geekblue">{t(`roles.${user.role}`)}</Tag>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t(`roleHints.${user.role}`)}
              </Typography.Paragraph>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={15}>
          <ObligationsPanel kind={kind} />
        </Col>
      </Row>
    </div>
  );
}
