// The score histogram's chart option: one bar per score bin coloured by the band the bin falls in,
// and, when there is a baseline, its bars drawn faintly behind at the same positions. The plot
// area has fixed pixel margins so the threshold markers (DOM) can be placed over it exactly.

import type { Thresholds } from '../../../shared/scorecard/types';
import type { ChartOption } from '../charts/echarts';
import type { ChartColors } from '../charts/themeColors';

export const PLOT_MARGIN = { left: 44, right: 14, top: 14, bottom: 26 } as const;

/** Band of bin b of `bins` over [0, 100] (0 red, 1 yellow, 2 green): the band of the bin's lowest score. */
export function binBand(b: number, bins: number, t: Thresholds): 0 | 1 | 2 {
  const low = (b * 100) / bins;
  return low < t.red ? 0 : low < t.green ? 1 : 2;
}

const BAND_SERIES = ['red', 'yellow', 'green'] as const;

/**
 * The series' data in histogramOption's series order: the baseline first when there is one, then
 * the draft's counts split by band (a bin's count in its band's series, 0 in the others).
 */
export function histogramSeriesData(histogram: readonly number[], baseline: readonly number[] | null, t: Thresholds): (readonly number[])[] {
  const byBand = BAND_SERIES.map((_, k) => histogram.map((count, b) => (binBand(b, histogram.length, t) === k ? count : 0)));
  return baseline ? [baseline, ...byBand] : byBand;
}

/**
 * Everything but the counts (those go in histogramSeriesData), so that a slider move or a threshold
 * drag, which only change counts and their split by band, leaves this option as it was. One series
 * per band in one colour, drawn in ECharts' large mode (one path per series rather than an element
 * per bar): that and no tooltip keep a redraw cheap.
 */
export function histogramOption(bins: number, hasBaseline: boolean, c: ChartColors): ChartOption {
  const labels = Array.from({ length: bins }, (_, b) => String((b * 100) / bins));
  const labelEvery = Math.max(1, Math.round(bins / 10));
  const bars = { type: 'bar', large: true, largeThreshold: 1, barGap: '-100%', barCategoryGap: '12%', silent: true } as const;
  const series: ChartOption['series'] = [];
  if (hasBaseline) series.push({ ...bars, id: 'baseline', name: 'Baseline', itemStyle: { color: c.muted, opacity: 0.28 }, z: 1 });
  for (const band of BAND_SERIES) series.push({ ...bars, id: band, name: band, itemStyle: { color: c[band] }, z: 2 });
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
