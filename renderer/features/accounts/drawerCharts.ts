// The account drawer's two charts: each metric's contribution to the score (horizontal bars), and
// the score over the snapshots (a line over the band thresholds' colours).

import type { MetricContribution } from '../../../shared/scoring/contributions';
import type { Thresholds } from '../../../shared/scorecard/types';
import type { ChartOption } from '../charts/echarts';
import type { ChartColors } from '../charts/themeColors';
import type { HistoryPoint } from '../scoring/protocol';

export function contributionOption(metrics: readonly MetricContribution[], c: ChartColors): ChartOption {
  const rows = [...metrics].reverse();
  return {
    grid: { left: 8, right: 40, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', show: false, min: 0 },
    yAxis: {
      type: 'category',
      data: rows.map((m) => m.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: c.muted, fontSize: 11, width: 130, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barWidth: '60%',
        data: rows.map((m) => ({ value: m.contribution, itemStyle: { color: m.status === 'present' ? c.accent : c.grey } })),
        label: { show: true, position: 'right', color: c.muted, fontSize: 11, formatter: (p) => Number(p.value).toFixed(1) },
      },
    ],
  };
}

export function historyOption(points: readonly HistoryPoint[], t: Thresholds, c: ChartColors): ChartOption {
  return {
    grid: { left: 32, right: 12, top: 10, bottom: 22, outerBoundsMode: 'none' },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true, valueFormatter: (v) => (v === null || v === undefined ? '—' : Number(v).toFixed(1)) },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.asOf.slice(0, 7)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: c.border } },
      axisLabel: { color: c.subtle, fontSize: 10 },
    },
    yAxis: { type: 'value', min: 0, max: 100, interval: 50, axisLabel: { color: c.subtle, fontSize: 10 }, splitLine: { lineStyle: { color: c.border } } },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.score),
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { color: c.accent, width: 2 },
        itemStyle: { color: c.accent },
      },
      // The thresholds as flat reference lines (red below the first, green above the second).
      { type: 'line', data: points.map(() => t.red), symbol: 'none', silent: true, lineStyle: { color: c.red, type: 'dashed', width: 1 } },
      { type: 'line', data: points.map(() => t.green), symbol: 'none', silent: true, lineStyle: { color: c.green, type: 'dashed', width: 1 } },
    ],
  };
}
