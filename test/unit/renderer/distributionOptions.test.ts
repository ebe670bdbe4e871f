// The live charts split their option (axes, styles: stable while a slider moves) from their series
// data (new on every move). The two halves must line up: series i of the option draws data[i].

import { describe, expect, it } from 'vitest';
import { histogramAxisMax, histogramOption, histogramSeriesData } from '../../../renderer/features/distribution/histogramOption';
import { segmentBarsData, segmentBarsOption } from '../../../renderer/features/distribution/segmentBarsOption';
import type { SegmentDistribution } from '../../../renderer/features/scoring/protocol';
import type { ChartColors } from '../../../renderer/features/charts/themeColors';

const colors: ChartColors = { red: '#r', yellow: '#y', green: '#g', grey: '#u', text: '#t', muted: '#m', subtle: '#s', border: '#b', accent: '#a', surface: '#f' };

const segment = (id: string, counts: [number, number, number, number], arr: [number, number, number, number]): SegmentDistribution => ({
  id,
  label: `Label ${id}`,
  counts,
  arr,
  histogram: [],
});

describe('score histogram option and data', () => {
  const t = { red: 40, green: 70 };

  it('puts the baseline first, then one series per band, matching the series ids', () => {
    const option = histogramOption(4, true, colors, 30);
    const series = option.series as { id: string; itemStyle: { color: string } }[];
    expect(series.map((s) => s.id)).toEqual(['baseline', 'red', 'yellow', 'green']);
    expect(series.slice(1).map((s) => s.itemStyle.color)).toEqual(['#r', '#y', '#g']);
    // Bins of 25 points: [0, 25) and [25, 50) start below 40 (red), [50, 75) below 70 (yellow), [75, 100] green.
    expect(histogramSeriesData([1, 2, 3, 4], [5, 6, 7, 8], t)).toEqual([
      [5, 6, 7, 8],
      [
        [0, 1],
        [1, 2],
      ],
      [[2, 3]],
      [[3, 4]],
    ]);
  });

  it('colours a bin by the band of its lowest score: a bin starting exactly at a threshold is above it', () => {
    expect(histogramSeriesData([1, 1, 1, 1, 1], null, { red: 40, green: 60 })).toEqual([
      [
        [0, 1],
        [1, 1],
      ],
      [[2, 1]],
      [
        [3, 1],
        [4, 1],
      ],
    ]);
  });

  it('has no data of its own: every count comes from histogramSeriesData', () => {
    const series = histogramOption(4, false, colors, 30).series as { id: string; data?: unknown }[];
    expect(series.map((s) => s.id)).toEqual(['red', 'yellow', 'green']);
    expect(series.every((s) => s.data === undefined)).toBe(true);
  });

  it('ends the y axis at the top it is given, from 0', () => {
    const yAxis = histogramOption(4, false, colors, 7_500).yAxis as { min: number; max: number; interval: number };
    expect([yAxis.min, yAxis.max, yAxis.interval]).toEqual([0, 7_500, 2_500]);
  });

  it('tops the y axis at three round steps the tallest bar fits under', () => {
    expect([0, 1, 3, 4, 6, 7, 16, 31, 4_400, 4_600, 6_001, 1e6].map((n) => histogramAxisMax(n, null))).toEqual([
      3, 3, 3, 6, 6, 12, 30, 60, 6_000, 6_000, 7_500, 1_200_000,
    ]);
  });

  it('grows the y axis at once but shrinks it only when the bars fall well below its top', () => {
    expect(histogramAxisMax(6_100, 6_000)).toBe(7_500);
    // The tallest bar moving around a step keeps the scale…
    expect(histogramAxisMax(2_900, 6_000)).toBe(6_000);
    expect(histogramAxisMax(2_000, 6_000)).toBe(6_000);
    // …until it is below a third of the top.
    expect(histogramAxisMax(1_999, 6_000)).toBe(3_000);
    expect(histogramAxisMax(5, 6_000)).toBe(6);
    // Asked again with its own answer, it gives the same (render may run twice).
    for (const [count, current] of [[1_999, 6_000], [2_900, 6_000], [7_000, 6_000]]) {
      const top = histogramAxisMax(count, current);
      expect(histogramAxisMax(count, top)).toBe(top);
    }
  });
});

describe('segment bars option and data', () => {
  const segments = [segment('ent', [1, 2, 3, 4], [10, 20, 30, 40]), segment('smb', [5, 0, 5, 0], [1, 0, 1, 0])];

  it('draws segments top to bottom in scorecard order, with values per band aligned to the labels', () => {
    const option = segmentBarsOption(segments.map((s) => s.label), 'count', colors);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Label smb', 'Label ent']);
    const data = segmentBarsData(segments, 'count');
    // Series order red, yellow, green, unscored; rows bottom-up like the axis.
    expect(data).toEqual([
      [5, 1],
      [0, 2],
      [5, 3],
      [0, 4],
    ]);
  });

  it('gives percentages of each segment and ARR on request', () => {
    const percent = segmentBarsData(segments, 'percent');
    expect(percent.map((band) => band[1])).toEqual([10, 20, 30, 40]);
    expect(percent.reduce((t, band) => t + band[0], 0)).toBeCloseTo(100, 12);
    expect(segmentBarsData(segments, 'arr').map((band) => band[1])).toEqual([10, 20, 30, 40]);
  });
});

describe('layered charts', () => {
  // EChart's `layered` draws the axes on a second instance with labels shown and the series on one
  // with them hidden: only a grid of fixed margins puts both plots in the same place.
  it('give the histogram and the segment bars a grid of fixed margins', () => {
    for (const option of [histogramOption(10, true, colors, 30), segmentBarsOption(['A', 'B'], 'arr', colors)]) {
      const grid = option.grid as Record<string, unknown>;
      expect(grid.outerBoundsMode).toBe('none');
      expect(grid.containLabel).toBeFalsy();
      for (const side of ['left', 'right', 'top', 'bottom']) expect(typeof grid[side], side).toBe('number');
    }
  });
});
