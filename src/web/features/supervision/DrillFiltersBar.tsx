import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillKind } from '../../../contracts/supervision';
import { prefecturesOf } from '../../../lib/china/gbt2260';
import { INDUSTRY_SECTIONS } from '../../../lib/china/gbt4754';
import {
  type DrillFilters,
  FILING_STATUSES,
  FILTERS_OF,
  type FilterKey,
  REPORT_STATUSES,
  SEVERITIES,
  TIERS,
} from './drill';
import { useAreaNames } from './names';

/** The filters of one list kind; a province select only for the ministry (a province sees its own). */
export function DrillFiltersBar({
  kind,
  filters,
  ministry,
  ownProvince,
  onChange,
}: {
  kind: DrillKind;
  filters: DrillFilters;
  ministry: boolean;
  ownProvince: string | undefined;
  onChange: (patch: DrillFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { provinceOptions } = useAreaNames();
  const [q, setQ] = useState(filters.q ?? '');
  const has = (k: FilterKey) => FILTERS_OF[kind].includes(k);
  const province = ministry ? filters.province : ownProvince;
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const select = (key: FilterKey, options: { value: string; label: string }[], width = 150) => (
    <Select<string>
      allowClear
      showSearch={options.length > 8 ? { optionFilterProp: 'label' } : false}
      placeholder={t(`supervision.filters.${key}`)}
      options={options}
      value={filters[key]}
      onChange={(v) => onChange({ [key]: v })}
      style={{ width }}
      data-testid={`filter-${key}`}
    />
  );
  const statuses = kind === 'filings' ? FILING_STATUSES : REPORT_STATUSES;
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      {has('q') ? (
        <Input.Search
          allowClear
          placeholder={t('supervision.filters.q')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="filter-q"
        />
      ) : null}
      {ministry && has('province') ? (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('supervision.filters.province')}
          options={provinceOptions}
          value={filters.province}
          onChange={(v) => onChange({ province: v, city: undefined })}
          style={{ width: 150 }}
          data-testid="filter-province"
        />
      ) : null}
      {has('city') ? (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('supervision.filters.city')}
          disabled={!province}
          options={(province ? prefecturesOf(province) : []).map((c) => ({
            value: c.code,
            label: en ? c.nameEn : c.name,
          }))}
          value={filters.city}
          onChange={(v) => onChange({ city: v })}
          style={{ width: 170 }}
          data-testid="filter-city"
        />
      ) : null}
      {has('covered') ? select('covered', yesNo, 130) : null}
      {has('topDecile') ? select('topDecile', yesNo, 130) : null}
      {has('industrySection')
        ? select(
            'industrySection',
            INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${en ? s.nameEn : s.name}` })),
            220,
          )
        : null}
      {has('tier')
        ? select(
            'tier',
            TIERS.map((tier) => ({
              value: tier,
              label: t('supervision.tier', { tier, name: t(`incidents.tiers.${tier}`) }),
            })),
            170,
          )
        : null}
      {has('severity')
        ? select(
            'severity',
            SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severity.${s}`) })),
          )
        : null}
      {has('status')
        ? select(
            'status',
            statuses.map((s) => ({
              value: s,
              label: t(
                kind === 'filings' ? `supervision.filingStatus.${s}` : `supervision.reportStatus.${s}`,
              ),
            })),
          )
        : null}
      {has('month') ? (
        <DatePicker
          picker="month"
          placeholder={t('supervision.filters.month')}
          value={filters.month ? dayjs(`${filters.month}-01`) : null}
          onChange={(v) => onChange({ month: v ? v.format('YYYY-MM') : undefined })}
          style={{ width: 140 }}
          data-testid="filter-month"
        />
      ) : null}
    </Flex>
  );
}
