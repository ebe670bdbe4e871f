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

/** Steps between ticks on the y axis, from 0 to its top. */
const Y_STEPS = 3;

/** Round tick steps per decade: the axis top is three of one (a bar count's step is whole). */
const STEPS = [1, 2, 2.5, 4, 5];

/** The smallest axis top 3 × {1, 2, 2.5, 4, 5} × 10^k (ticks on round numbers) that `count` fits under. */
function fittingAxisMax(count: number): number {
  for (let decade = 1; ; decade *= 10) {
    for (const step of STEPS) if (Number.isInteger(step * decade) && Y_STEPS * step * decade >= count) return Y_STEPS * step * decade;
  }
}

/**
 * The top of the histogram's y axis for the tallest bar `count`, given the one shown now (null at
 * first). It grows at once when a bar would not fit, but shrinks only when the bars have fallen
 * below a third of it (a step down is 1.25–2×): a drag that moves the tallest bar up and down
 * around a step keeps one scale, so the axis neither jumps nor has to be drawn again on most moves.
 */
export function histogramAxisMax(count: number, current: number | null): number {
  const fit = fittingAxisMax(Math.max(0, count));
  if (current === null || fit > current) return fit;
  return fit < current && 3 * count < current ? fit : current;
}

/** A bar of a band's series: [bin, count] (the bin is its category's index). */
export type BinCount = readonly [number, number];

/**
 * The series' data in histogramOption's series order: the baseline's counts first when there is
 * one, then the draft's bins split by band (each band's series holds its own bins only, as
 * [bin, count]: a third of the items to lay out on every move that zeros for the others' would be).
 */
export function histogramSeriesData(histogram: readonly number[], baseline: readonly number[] | null, t: Thresholds): (readonly number[] | readonly BinCount[])[] {
  const byBand: BinCount[][] = BAND_SERIES.map(() => []);
  histogram.forEach((count, b) => byBand[binBand(b, histogram.length, t)].push([b, count]));
  return baseline ? [baseline, ...byBand] : byBand;
}

/**
 * Everything but the counts (those go in histogramSeriesData), so that a slider move or a threshold
 * drag, which only change counts and their split by band, leaves this option as it was. One series
 * per band in one colour, drawn in ECharts' large mode (one path per series rather than an element
 * per bar): that and no tooltip keep a redraw cheap. The y axis ends at `yMax` (histogramAxisMax).
 */
export function histogramOption(bins: number, hasBaseline: boolean, c: ChartColors, yMax: number): ChartOption {
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
      min: 0,
      max: yMax,
      // Three ticks exactly (ECharts' own rounding would turn a 2,500 step into 3,000).
      interval: yMax / Y_STEPS,
      axisLabel: { color: c.subtle, fontSize: 11 },
      splitLine: { lineStyle: { color: c.border } },
    },
    series,
  };
}
