// The metric editor's chart: how many accounts have each raw value (bars) and the sub-score the
// method gives it (line, right axis 0–100); for categories, accounts and score per value.

import { formatInteger } from '../../lib/format';
import type { ChartOption } from '../charts/echarts';
import type { ChartColors } from '../charts/themeColors';
import type { MetricProfile } from '../scoring/protocol';
import type { CurvePoint } from './metricCurve';

function label(x: number): string {
  const a = Math.abs(x);
  return a >= 1000 ? formatInteger(x) : a >= 10 ? x.toFixed(0) : x.toFixed(a >= 1 ? 1 : 2);
}

export function metricChartOption(profile: MetricProfile, curve: CurvePoint[] | null, categoryScores: (number | null)[] | null, c: ChartColors): ChartOption {
  const categories = profile.kind === 'category';
  const labels = categories ? profile.categories.map((k) => k.value) : (curve ?? profile.counts.map((_, b) => ({ x: profile.lo + ((b + 0.5) * (profile.hi - profile.lo)) / profile.counts.length }))).map((p) => label(p.x));
  const counts = categories ? profile.categories.map((k) => k.count) : profile.counts;
  const scores = categories ? categoryScores : curve?.map((p) => p.score) ?? null;
  return {
    grid: { left: 44, right: 40, top: 30, bottom: 24, outerBoundsMode: 'none' },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: c.border } },
      axisLabel: { color: c.subtle, fontSize: 10, hideOverlap: true },
    },
    yAxis: [
      { type: 'value', name: 'Accounts', nameTextStyle: { color: c.subtle, fontSize: 10 }, minInterval: 1, splitNumber: 3, axisLabel: { color: c.subtle, fontSize: 10 }, splitLine: { lineStyle: { color: c.border } } },
      { type: 'value', name: 'Sub-score', nameTextStyle: { color: c.subtle, fontSize: 10 }, min: 0, max: 100, interval: 50, axisLabel: { color: c.subtle, fontSize: 10 }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', id: 'values', name: 'Accounts', data: counts, barCategoryGap: '15%', itemStyle: { color: c.muted, opacity: 0.35 } },
      ...(scores
        ? [
            {
              // For categories only the points: a line between unrelated values would mean nothing.
              type: 'line' as const,
              id: 'score',
              name: 'Sub-score',
              yAxisIndex: 1,
              data: scores,
              showSymbol: categories,
              symbolSize: 7,
              lineStyle: { color: c.accent, width: categories ? 0 : 2 },
              itemStyle: { color: c.accent },
            },
          ]
        : []),
    ],
  };
}
