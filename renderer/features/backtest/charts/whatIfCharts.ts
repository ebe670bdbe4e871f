// The what-if distributions: the baseline's and the draft's scores of the same labelled accounts,
// side by side per 5-point bin, the band thresholds falling on bin edges.

import type { ChartTheme } from './chartTheme';
import { axis, baseOption } from './backtestCharts';
import type { EChartsCoreOption } from '../../charts/echarts';

export function distributionOption(draft: Uint32Array, baseline: Uint32Array, baselineLabel: string, theme: ChartTheme): EChartsCoreOption {
  const width = 100 / draft.length;
  const labels = Array.from(draft, (_, b) => `${b * width}–${(b + 1) * width}`);
  return {
    ...baseOption(theme),
    xAxis: axis(theme, 'Score', { type: 'category', data: labels, splitLine: { show: false }, axisLabel: { color: theme.subtle, fontSize: 10, interval: 3 } }),
    yAxis: axis(theme, 'Accounts', { type: 'value', minInterval: 1, nameGap: 36 }),
    grid: { left: 52, right: 16, top: 28, bottom: 40 },
    series: [
      { name: baselineLabel, type: 'bar', data: Array.from(baseline), itemStyle: { color: theme.subtle }, barGap: '8%' },
      { name: 'Draft', type: 'bar', data: Array.from(draft), itemStyle: { color: theme.accent } },
    ],
  };
}
