import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The CJS build (`echarts-for-react/lib/core`) breaks Vite 8 production bundles with React error #130.
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One bar per province; loaded lazily so ECharts stays out of the main bundle. */
export default function ProvinceBarChart({
  data,
  seriesName,
}: {
  data: { name: string; value: number }[];
  seriesName: string;
}) {
  const rotate = data.length > 8 ? 40 : 0;
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 340, width: '100%' }}
      option={{
        color: ['#1668dc'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 40, right: 16, top: 24, bottom: rotate ? 72 : 32, containLabel: true },
        xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { rotate, interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: seriesName,
            type: 'bar',
            data: data.map((d) => d.value),
            barMaxWidth: 36,
            label: { show: true, position: 'top' },
          },
        ],
      }}
    />
  );
}
