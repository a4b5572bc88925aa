import { ClockCircleOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Card, Divider, Flex, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { type DutyBearer, OBLIGATIONS } from './obligations';

/** "Your obligations": the regulatory duties of this org kind with deadlines and citations. */
export function ObligationsPanel({ kind }: { kind: DutyBearer }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <FileProtectOutlined />
          {t('home.obligations.title')}
        </Flex>
      }
      data-testid="obligations"
    >
      <Typography.Paragraph type="secondary">{t('home.obligations.note')}</Typography.Paragraph>
      {OBLIGATIONS[kind].map((id, i) => {
        const k = `obligations.${kind}.${id}`;
        return (
          <Fragment key={id}>
            {i > 0 ? <Divider style={{ margin: '14px 0' }} /> : null}
            <section data-testid={`obligation-${id}`}>
              <Flex justify="space-between" align="flex-start" gap={12}>
                <Flex gap={8} align="baseline">
                  <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                  <Typography.Text strong style={{ fontSize: 15 }}>
                    {t(`${k}.title`)}
                  </Typography.Text>
                </Flex>
                <Tag icon={<ClockCircleOutlined />} color="orange" style={{ marginInlineEnd: 0 }}>
                  {t(`${k}.deadline`)}
                </Tag>
              </Flex>
              <Typography.Paragraph style={{ margin: '6px 0' }}>{t(`${k}.detail`)}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('home.obligations.source', { cite: t(`${k}.cite`) })}
              </Typography.Text>
            </section>
          </Fragment>
        );
      })}
    </Card>
  );
}
