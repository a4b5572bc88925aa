import { Card, List, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportDetail } from '../../lib/types';

/** Reports that look like the same vulnerability (pack-weighted score); a person decides. */
export function DuplicatesCard({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  if (!report.duplicateCandidates.length) return null;
  return (
    <Card size="small" title={t('duplicates.title')} data-testid="duplicates-card">
      <List
        size="small"
        dataSource={report.duplicateCandidates}
        renderItem={(c) => (
          <List.Item style={{ paddingInline: 0 }}>
            <div style={{ width: '100%' }}>
              <Link to={`/vulnerabilities/${c.id}`}>
                <Typography.Text code>{c.ref}</Typography.Text> {c.title}
              </Link>
              <Progress
                percent={Math.round(c.score * 100)}
                size="small"
                format={(p) => t('duplicates.score', { score: p })}
              />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
