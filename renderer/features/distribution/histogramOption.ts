// The score histogram's chart option: one bar per score bin coloured by the band the bin falls in,
// and, when there is a baseline, its bars drawn faintly behind at the same positions. The plot
// area has fixed pixel margins so the threshold markers (DOM) can be placed over it exactly.

import type { Thresholds } from '../../../shared/scorecard/types';
import type { ChartOption } from '../charts/echarts';
import type { ChartColors } from '../charts/themeColors';

export const PLOT_MARGIN = { left: 44, right: 14, top: 14, bottom: 26 } as const;

/** Band colour of bin b of `bins` over [0, 100]: the band of the bin's lowest score. */
export function binColor(b: number, bins: number, t: Thresholds, c: ChartColors): string {
  const low = (b * 100) / bins;
  return low < t.red ? c.red : low < t.green ? c.yellow : c.green;
}

/** The series' data in histogramOption's series order (baseline first when there is one). */
export function histogramSeriesData(histogram: readonly number[], baseline: readonly number[] | null): (readonly number[])[] {
  return baseline ? [baseline, histogram] : [histogram];
}

/**
 * Everything but the counts (those go in histogramSeriesData), so that a slider move, which only
 * changes counts, leaves this option as it was. No tooltip: it would add to every redraw.
 */
export function histogramOption(bins: number, hasBaseline: boolean, t: Thresholds, c: ChartColors): ChartOption {
  const labels = Array.from({ length: bins }, (_, b) => String((b * 100) / bins));
  const labelEvery = Math.max(1, Math.round(bins / 10));
  const series: ChartOption['series'] = [];
  if (hasBaseline) {
    series.push({
      type: 'bar',
      id: 'baseline',
      name: 'Baseline',
      itemStyle: { color: c.muted, opacity: 0.28 },
      barGap: '-100%',
      barCategoryGap: '12%',
      z: 1,
      silent: true,
    });
  }
  // One colour per bin, looked up by index (cheaper for ECharts than an object per bar).
  const colors = Array.from({ length: bins }, (_, b) => binColor(b, bins, t, c));
  series.push({
    type: 'bar',
    id: 'draft',
    name: 'Draft',
    itemStyle: { color: (p: { dataIndex: number }) => colors[p.dataIndex] },
    barGap: '-100%',
    barCategoryGap: '12%',
    z: 2,
  });
  return {
    grid: { ...PLOT_MARGIN, outerBoundsMode: 'none' },
    xAxis: {
      type: 'category',
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: c.border } },
      axisLabel: { color: c.subtle, interval: labelEvery - 1, fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { color: c.subtle, fontSize: 11 },
      splitLine: { lineStyle: { color: c.border } },
    },
    series,
  };
}
