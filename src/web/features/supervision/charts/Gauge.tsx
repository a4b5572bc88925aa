import { echarts, ReactEChartsCore } from './echarts';

/** A progress gauge from 0 to 100 %; the needle stops at the rim when a target is exceeded, the number does not. */
export default function Gauge({ pct, colour }: { pct: number; colour: string }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 180, width: '100%' }}
      option={{
        series: [
          {
            type: 'gauge',
            min: 0,
            max: 100,
            radius: '95%',
            center: ['50%', '58%'],
            startAngle: 200,
            endAngle: -20,
            progress: { show: true, width: 12, itemStyle: { color: colour } },
            axisLine: { lineStyle: { width: 12 } },
            axisTick: { show: false },
            splitLine: { length: 8, distance: 4, lineStyle: { width: 1, color: '#bfbfbf' } },
            axisLabel: { distance: 14, fontSize: 10, color: '#8c8c8c' },
            pointer: { width: 4, length: '55%', itemStyle: { color: colour } },
            anchor: { show: true, size: 8, itemStyle: { color: colour } },
            title: { show: false },
            detail: {
              valueAnimation: false,
              offsetCenter: [0, '62%'],
              fontSize: 20,
              fontWeight: 600,
              formatter: () => `${pct.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`,
            },
            data: [{ value: Math.min(pct, 100) }],
          },
        ],
      }}
    />
  );
}
