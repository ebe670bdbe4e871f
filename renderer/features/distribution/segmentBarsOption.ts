// Stacked horizontal bars of red / yellow / green / unscored per segment, as accounts, as a
// percentage of the segment, or as ARR.

import { formatCurrencyCompact, formatInteger } from '../../lib/format';
import type { ChartOption } from '../charts/echarts';
import { type ChartColors, bandColorList } from '../charts/themeColors';
import type { SegmentDistribution } from '../scoring/protocol';

export type BarsMeasure = 'count' | 'percent' | 'arr';

const BAND_LABELS = ['Red', 'Yellow', 'Green', 'Unscored'];

export function barValues(s: SegmentDistribution, measure: BarsMeasure): number[] {
  if (measure === 'arr') return [...s.arr];
  if (measure === 'count') return [...s.counts];
  const total = s.counts.reduce((t, c) => t + c, 0);
  return s.counts.map((c) => (total > 0 ? (100 * c) / total : 0));
}

function formatValue(v: number, measure: BarsMeasure): string {
  if (measure === 'arr') return formatCurrencyCompact(v);
  if (measure === 'percent') return `${v.toFixed(1)}%`;
  return formatInteger(v);
}

/** Top to bottom in scorecard order: the category axis draws its first item at the bottom. */
const bottomUp = (segments: readonly SegmentDistribution[]) => [...segments].reverse();

/** Per band (the series order of segmentBarsOption), the value of each segment row. */
export function segmentBarsData(segments: readonly SegmentDistribution[], measure: BarsMeasure): number[][] {
  const values = bottomUp(segments).map((s) => barValues(s, measure));
  return BAND_LABELS.map((_, b) => values.map((v) => v[b]));
}

/** Everything but the values (segmentBarsData), so that a slider move leaves it as it was. */
export function segmentBarsOption(segmentLabels: readonly string[], measure: BarsMeasure, c: ChartColors): ChartOption {
  const labels = [...segmentLabels].reverse();
  const colors = bandColorList(c);
  return {
    // Fixed margins: measuring labels to fit them would be redone on every slider move.
    grid: { left: 112, right: 28, top: 6, bottom: 22, outerBoundsMode: 'none' },
    xAxis: {
      type: 'value',
      max: measure === 'percent' ? 100 : undefined,
      splitNumber: 4,
      axisLabel: { color: c.subtle, fontSize: 11, formatter: (v: number) => formatValue(v, measure) },
      splitLine: { lineStyle: { color: c.border } },
    },
    yAxis: {
      type: 'category',
      data: labels,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: c.muted, fontSize: 12, width: 104, overflow: 'truncate' },
    },
    series: BAND_LABELS.map((name, b) => ({
      type: 'bar',
      id: name,
      name,
      stack: 'bands',
      barWidth: '58%',
      itemStyle: { color: colors[b] },
    })),
  };
}
