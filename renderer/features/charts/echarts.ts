// ECharts with only what the app draws (bars, lines, a grid with axes, tooltips, legends, marker
// lines) on the canvas renderer, so the bundle carries none of the rest. Nothing here needs eval or
// inline scripts, which the Content-Security-Policy forbids.

import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption
>;
export type { EChartsCoreOption } from 'echarts/core';
export type ChartInstance = echarts.ECharts;

export { echarts };
