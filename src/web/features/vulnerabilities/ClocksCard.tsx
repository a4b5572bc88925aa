import { FieldTimeOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/Countdown';
import { formatTime } from '../../lib/format';
import { CLOCK_NAMES } from '../../lib/reports';
import type { Report } from '../../lib/types';

/** The RMSV art. 7 deadlines of a report with live countdowns, each with the clause it comes from. */
export function ClocksCard({ report, fetchedAt }: { report: Report; fetchedAt: number }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <FieldTimeOutlined />
          {t('clocks.title')}
        </Flex>
      }
      data-testid="clocks-card"
    >
      <Flex vertical gap={14}>
        {CLOCK_NAMES.map((name) => {
          const clock = report.clocks[name];
          return (
            <div key={name}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <div>
                  <Typography.Text strong>{t(`clocks.names.${name}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`clocks.clauses.${name}`)}
                  </Typography.Text>
                </div>
                <Countdown clock={clock} fetchedAt={fetchedAt} testId={`clock-${name}`} />
              </Flex>
              {clock.dueAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('clocks.dueAt', { time: formatTime(clock.dueAt) })}
                  {clock.doneAt ? ` · ${t('clocks.doneAt', { time: formatTime(clock.doneAt) })}` : ''}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
