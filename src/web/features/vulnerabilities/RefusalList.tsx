import { StopOutlined } from '@ant-design/icons';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Refusal } from './publication';

/** Each RMSV art. 9 check a publication request failed, in words, with its clause and the item concerned. */
export function RefusalList({
  refusals,
  describeTarget,
}: {
  refusals: Refusal[];
  describeTarget: (target: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      icon={<StopOutlined />}
      data-testid="publication-refused"
      style={{ marginBottom: 16 }}
      title={t('publication.refusedTitle', { count: refusals.length })}
      description={
        <List
          size="small"
          split={false}
          dataSource={refusals}
          renderItem={(r, i) => (
            <List.Item style={{ paddingInline: 0 }} data-testid={`refusal-${r.code}`} key={`${r.code}-${i}`}>
              <div>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>
                    {r.code === 'unknown' ? r.message : t(`disclosure.${r.code}.title`)}
                  </Typography.Text>
                  {r.code === 'unknown' ? null : <Tag>{t(`disclosure.${r.code}.clause`)}</Tag>}
                  {r.target ? <Tag color="red">{describeTarget(r.target)}</Tag> : null}
                </Flex>
                {r.code === 'unknown' ? null : (
                  <Typography.Text type="secondary">{t(`disclosure.${r.code}.detail`)}</Typography.Text>
                )}
              </div>
            </List.Item>
          )}
        />
      }
    />
  );
}
