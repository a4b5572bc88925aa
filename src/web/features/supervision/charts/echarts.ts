import { BarChart, GaugeChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  GaugeChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

/** The React wrapper; the CJS build (`/lib/core`) breaks Vite 8 production bundles with React error #130. */
export { default as ReactEChartsCore } from 'echarts-for-react/esm/core';
/** ECharts core with the parts the supervision charts use; imported only by lazily loaded chart modules. */
export { echarts };
