import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The CJS build (`echarts-for-react/lib/core`) breaks Vite 8 production bundles with React error #130.
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * The drill on a drill-minute axis: one marker per inject on the first row, and one bar per measured time from the
 * first inject; loaded lazily so ECharts stays out of the main bundle.
 */
export default function DrillTimelineChart({
  injects,
  measures,
  injectsLabel,
}: {
  injects: { minute: number; label: string }[];
  measures: { label: string; value: number | null; colour: string }[];
  injectsLabel: string;
}) {
  const start = injects[0]?.minute ?? 0;
  const rows = [injectsLabel, ...measures.map((m) => m.label)];
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 320, width: '100%' }}
      option={{
        tooltip: { trigger: 'item' },
        grid: { left: 16, right: 32, top: 24, bottom: 32, containLabel: true },
        xAxis: { type: 'value', name: 'min', min: start, minInterval: 1 },
        yAxis: { type: 'category', data: rows, inverse: true },
        series: [
          {
            type: 'scatter',
            symbolSize: 12,
            // Labels alternate above and below the row so neighbouring injects stay readable.
            data: injects.map((i, n) => ({
              value: [i.minute, injectsLabel],
              name: i.label,
              label: { position: n % 2 ? 'bottom' : 'top' },
            })),
            label: { show: true, position: 'top', formatter: (p: { name: string }) => p.name, fontSize: 10 },
            tooltip: { formatter: (p: { name: string; value: [number] }) => `${p.value[0]}' ${p.name}` },
          },
          {
            type: 'bar',
            barMaxWidth: 18,
            // The first row holds the inject markers, so the bars start at the second category.
            data: [
              null,
              ...measures.map((m) => ({
                value: m.value === null ? null : start + m.value,
                itemStyle: { color: m.colour },
              })),
            ],
            label: {
              show: true,
              position: 'right',
              formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value - start}'`),
            },
          },
        ],
      }}
    />
  );
}
