import { WifiOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CvssTags, GradeTag } from '../../components/ReportTags';
import { ADVISORY_FEED_URL, api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Advisory } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

const PAGE = 30;

/** The public list of published advisories, newest first, with the Atom feed. */
export default function AdvisoriesPage() {
  const { t } = useTranslation();
  const first = useAsync(() => api.advisories(undefined, PAGE), []);
  const [older, setOlder] = useState<Advisory[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const items = [...(first.data ?? []), ...older];
  const last = items.at(-1);
  // Keyset by publication time: a full page suggests there may be more.
  const mayHaveMore = items.length > 0 && items.length % PAGE === 0;

  const more = async () => {
    if (!last) return;
    setLoadingMore(true);
    try {
      const next = await api.advisories(last.publishedAt, PAGE);
      setOlder((prev) => [...prev, ...next.filter((a) => !items.some((x) => x.ref === a.ref))]);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div data-testid="advisories-page">
      <PageHeader
        title={t('advisories.title')}
        subtitle={t('advisories.subtitle')}
        extra={
          <a href={ADVISORY_FEED_URL} target="_blank" rel="noreferrer" data-testid="atom-feed">
            <Button icon={<WifiOutlined rotate={45} />}>{t('advisories.feed')}</Button>
          </a>
        }
      />
      <ProblemAlert error={first.error ?? error} />
      <Card>
        <List<Advisory>
          loading={first.loading}
          itemLayout="vertical"
          dataSource={items}
          locale={{ emptyText: <Empty description={t('advisories.empty')} /> }}
          renderItem={(a) => (
            <List.Item key={a.ref} data-testid="advisory-item" extra={<GradeTag grade={a.gbtGrade} />}>
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <Typography.Text code>{a.ref}</Typography.Text>
                    <Link to={`/advisories/${a.ref}`} data-testid="advisory-open">
                      {a.title}
                    </Link>
                  </Space>
                }
                description={
                  <Flex gap={12} wrap align="center">
                    <span>
                      {a.vendorName} · {[a.productName, a.productModel].filter(Boolean).join(' ')}
                    </span>
                    <span>{t('advisories.publishedAt', { time: formatTime(a.publishedAt) })}</span>
                    {a.externalIds.cve ? <Tag>{a.externalIds.cve}</Tag> : null}
                  </Flex>
                }
              />
              <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary" style={{ marginBottom: 8 }}>
                {a.description}
              </Typography.Paragraph>
              <CvssTags cvss={a.cvss} />
            </List.Item>
          )}
        />
        {mayHaveMore ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button loading={loadingMore} onClick={() => void more()}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
    </div>
  );
}
