import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

/** One headline figure. */
export function StatCard(props: {
  title: string;
  value: number;
  loading: boolean;
  icon: ReactNode;
  testId: string;
}) {
  return (
    <Card data-testid={props.testId} style={{ height: '100%' }}>
      <Statistic title={props.title} value={props.value} loading={props.loading} prefix={props.icon} />
    </Card>
  );
}
