import { Card, Flex, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { EXPOSURE_STATES } from '../../lib/exposure';
import type { ExposureState } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { type ExposureFilter, ExposureTable } from './ExposureTable';

type Openness = 'open' | 'resolved' | 'all';

const isState = (v: string | null): v is ExposureState => EXPOSURE_STATES.includes(v as ExposureState);
// The notification links say `open=true`; no parameter means the open exposures too, the ones needing work.
const opennessOf = (v: string | null): Openness =>
  v === 'false' ? 'resolved' : v === 'all' ? 'all' : 'open';
const openParam: Record<Openness, ExposureFilter['open']> = {
  open: 'true',
  resolved: 'false',
  all: undefined,
};

/** Every exposure of the org's assets, most severe first, filtered by openness, triage state and asset. */
export default function ExposuresPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const openness = opennessOf(params.get('open'));
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const assetId = params.get('assetId') ?? undefined;
  const assets = useAsync(() => api.assets(), []);

  const set = (key: 'open' | 'state' | 'assetId', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="exposures-page">
      <PageHeader title={t('exposures.title')} subtitle={t('exposures.subtitle')} />
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<Openness>
            value={openness}
            onChange={(v) => set('open', v === 'open' ? undefined : v === 'resolved' ? 'false' : 'all')}
            options={(['open', 'resolved', 'all'] as const).map((o) => ({
              value: o,
              label: t(`exposures.openness.${o}`),
            }))}
            data-testid="filter-open"
          />
          <Select<ExposureState>
            allowClear
            placeholder={t('exposures.filterState')}
            style={{ width: 180 }}
            value={state}
            onChange={(v) => set('state', v)}
            options={EXPOSURE_STATES.map((s) => ({ value: s, label: t(`exposureStates.${s}`) }))}
            data-testid="filter-state"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('exposures.filterAsset')}
            style={{ width: 260 }}
            value={assetId}
            loading={assets.loading}
            onChange={(v) => set('assetId', v)}
            options={(assets.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            data-testid="filter-asset"
          />
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12 }}>
            {t('exposures.sortHint')}
          </Typography.Text>
        </Flex>
        <ExposureTable
          filter={{ open: openParam[openness], state, assetId }}
          filtered={openness !== 'open' || state !== undefined || assetId !== undefined}
        />
      </Card>
    </div>
  );
}
