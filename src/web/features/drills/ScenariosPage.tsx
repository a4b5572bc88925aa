import { CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Scenario } from '../../../contracts/drills';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAsync } from '../../lib/useAsync';
import { drillsApi } from './api';
import { pick } from './drills';

/** The scenario library: built-ins (read-only) and the enterprise's own copies, which the designer edits. */
export default function ScenariosPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const list = useAsync(() => drillsApi.scenarios(), []);
  const [error, setError] = useState<unknown>(null);
  const writes = me.user.role !== 'viewer';
  const copy = async (s: Scenario) => {
    setError(null);
    try {
      const c = await drillsApi.copyScenario(s.id);
      navigate(`/drill-scenarios/${c.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (s: Scenario) => {
    setError(null);
    try {
      await drillsApi.deleteScenario(s.id);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div data-testid="drill-scenarios-page">
      <PageHeader title={t('drills.scenarios.title')} subtitle={t('drills.scenarios.subtitle')} />
      <ProblemAlert error={error ?? list.error} />
      <Row gutter={[16, 16]}>
        {(list.data ?? []).map((s) => (
          <Col xs={24} md={12} xl={8} key={s.id}>
            <Card
              title={pick(s.definition.title, i18n.language)}
              data-testid={`scenario-${s.id}`}
              extra={
                s.builtIn ? (
                  <Tag color="blue">{t('drills.scenarios.builtIn')}</Tag>
                ) : (
                  <Tag>{t('drills.scenarios.own')}</Tag>
                )
              }
              actions={
                writes
                  ? [
                      <Button
                        key="copy"
                        type="link"
                        icon={<CopyOutlined />}
                        onClick={() => copy(s)}
                        data-testid={`scenario-copy-${s.id}`}
                      >
                        {t('drills.scenarios.copy')}
                      </Button>,
                      ...(s.builtIn
                        ? []
                        : [
                            <Button
                              key="edit"
                              type="link"
                              icon={<EditOutlined />}
                              onClick={() => navigate(`/drill-scenarios/${s.id}`)}
                            >
                              {t('common.edit')}
                            </Button>,
                            <Popconfirm
                              key="del"
                              title={t('drills.scenarios.confirmDelete')}
                              onConfirm={() => remove(s)}
                            >
                              <Button type="link" danger icon={<DeleteOutlined />}>
                                {t('common.delete')}
                              </Button>
                            </Popconfirm>,
                          ]),
                    ]
                  : []
              }
            >
              <Typography.Paragraph ellipsis={{ rows: 3 }}>
                {pick(s.definition.summary, i18n.language)}
              </Typography.Paragraph>
              <Space wrap>
                <Tag>{t(`drills.threats.${s.definition.threat}`)}</Tag>
                <Tag>{t('drills.scenarios.injects', { count: s.definition.injects.length })}</Tag>
                {s.definition.injects.some((i) => i.raisesIncident) ? (
                  <Tag color="red">{t('drills.scenarios.raises')}</Tag>
                ) : null}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
