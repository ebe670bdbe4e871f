// ECharts, tree-shaken to what the panel draws (lines and bars on a grid) on the canvas renderer.
// Tooltips are drawn as rich text on the canvas: the HTML tooltip writes inline style attributes,
// which the renderer's Content-Security-Policy (style-src 'self') refuses.

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
