import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canVerifyAudit } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { AuditEntry } from '../../lib/types';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

const PAGE = 50;

interface Filters {
  action: string;
  entityType: string;
}

/** The tamper-evident audit trail, newest first, paged by keyset (`before` = the last seq seen). */
export default function AuditPage() {
  const me = useMe();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>({ action: '', entityType: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [before, setBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Bumped per click so each click re-runs the verification (0 = not requested).
  const [verifyRun, setVerifyRun] = useState(0);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.audit({
          action: filters.action.trim() || undefined,
          entityType: filters.entityType.trim() || undefined,
          before: cursor ?? undefined,
          limit: PAGE,
        });
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setBefore(page.nextCursor);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const national = me.org.kind === 'ministry';
  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        subtitle={national ? t('audit.subtitleAll') : t('audit.subtitleOrg', { org: me.org.name })}
        extra={
          canVerifyAudit(me) ? (
            <Button
              icon={<SafetyOutlined />}
              onClick={() => setVerifyRun((n) => n + 1)}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
          ) : null
        }
      />
      {verifyRun ? <VerifyChain key={verifyRun} onClose={() => setVerifyRun(0)} /> : null}
      <ProblemAlert error={error} />
      <Card>
        <Flex
          component="form"
          gap={12}
          wrap
          style={{ marginBottom: 16 }}
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
          }}
        >
          <Input
            allowClear
            placeholder={t('audit.filterAction')}
            style={{ width: 220 }}
            value={draft.action}
            onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value }))}
            data-testid="audit-filter-action"
          />
          <Input
            allowClear
            placeholder={t('audit.filterEntityType')}
            style={{ width: 220 }}
            value={draft.entityType}
            onChange={(e) => setDraft((d) => ({ ...d, entityType: e.target.value }))}
            data-testid="audit-filter-entity"
          />
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              const empty = { action: '', entityType: '' };
              setDraft(empty);
              setFilters(empty);
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <AuditTable items={items} loading={loading && items.length === 0} />
        {before ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button loading={loading} onClick={() => void load(before)} data-testid="audit-more">
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
    </div>
  );
}
