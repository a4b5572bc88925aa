import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { echarts, ReactEChartsCore } from './echarts';

interface GeoFeature {
  properties: { id: string; name: string };
}

let loading: Promise<Map<string, string>> | null = null;

/**
 * Registers the province outlines once, under the name `china`: ECharts adds the 南海诸岛 inset and 钓鱼岛 only to a
 * map of that name (see geo/SOURCE.md). Answers the map's region name of each GB/T 2260 province code.
 */
function loadChina(): Promise<Map<string, string>> {
  loading ??= import('../geo/china-provinces.json').then(
    (m) => {
      const geo = m.default as unknown as { features: GeoFeature[] };
      echarts.registerMap('china', geo as unknown as Parameters<typeof echarts.registerMap>[1]);
      return new Map(geo.features.map((f) => [f.properties.id, f.properties.name]));
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** One province's value on the map; null where the figure has no value (outside the programme). */
export interface MapDatum {
  code: string;
  value: number | null;
}

/** A choropleth of China's provinces; a click on a province with data calls `onSelect` with its code. */
export default function ChinaMap({
  data,
  seriesName,
  format,
  nameOf,
  onSelect,
  low,
  high,
}: {
  data: MapDatum[];
  seriesName: string;
  format: (v: number) => string;
  nameOf: (code: string) => string;
  onSelect: (code: string) => void;
  low: string;
  high: string;
}) {
  const [regions, setRegions] = useState<Map<string, string> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadChina().then(setRegions, () => setFailed(true));
  }, []);
  if (failed) return null;
  if (!regions) return <Spin style={{ display: 'block', margin: '160px auto' }} />;

  const items = data
    .filter((d) => d.value !== null && regions.has(d.code))
    .map((d) => ({ name: regions.get(d.code), value: d.value, code: d.code }));
  const max = Math.max(1, ...items.map((d) => d.value ?? 0));
  const codeOf = new Map([...regions].map(([code, name]) => [name, code]));
  // Region names in the file are Chinese short names; show each in the UI language.
  const label = (name: string) => {
    const code = codeOf.get(name);
    return code ? nameOf(code) : name;
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 520, width: '100%' }}
      onEvents={{
        click: (p: { data?: { code?: string } }) => {
          if (p.data?.code) onSelect(p.data.code);
        },
      }}
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: { data?: { value: number }; name: string }) =>
            `${label(p.name)}<br/>${seriesName}: ${p.data ? format(p.data.value) : '—'}`,
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max,
          left: 8,
          bottom: 8,
          calculable: true,
          text: [high, low],
          inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9'] },
          formatter: (v: number) => format(v),
        },
        series: [
          {
            name: seriesName,
            type: 'map',
            map: 'china',
            roam: false,
            layoutCenter: ['50%', '50%'],
            layoutSize: '118%',
            selectedMode: false,
            label: { show: false },
            itemStyle: { areaColor: '#f0f0f0', borderColor: '#8c8c8c', borderWidth: 0.5 },
            emphasis: {
              label: { show: true, formatter: (p: { name: string }) => label(p.name) },
              itemStyle: { areaColor: '#ffd666' },
            },
            data: items,
          },
        ],
      }}
    />
  );
}
