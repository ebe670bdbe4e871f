// The rolling back-test (AUC and red-band recall per as-of date) and the lead-time histogram.

import type { RollingPoint } from '../../../../shared/backtest/rolling';
import { epochDayToIso } from '../../../../shared/dates';
import type { LeadTimeSummary } from '../protocol';
import { axis, baseOption } from './backtestCharts';
import type { ChartTheme } from './chartTheme';
import type { EChartsCoreOption } from '../../charts/echarts';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * AUC (left axis) and red recall (right axis) per T. Windows reaching past the newest snapshot
 * are drawn dashed: churn after it is not recorded yet, so those points read low.
 */
export function rollingOption(points: readonly RollingPoint[], theme: ChartTheme): EChartsCoreOption {
  const dates = points.map((p) => epochDayToIso(p.day));
  // Complete windows come first (T ascending); the dashed part starts at the last complete point.
  const firstIncomplete = points.findIndex((p) => !p.complete);
  const cut = firstIncomplete < 0 ? points.length : firstIncomplete;
  const split = (values: (number | null)[]) => ({
    complete: values.map((v, i) => (i < cut ? v : null)),
    incomplete: values.map((v, i) => (i >= cut - 1 ? v : null)),
  });
  const auc = split(points.map((p) => finite(p.auc.auc)));
  const recall = split(points.map((p) => finite(p.redRecall)));
  const line = (name: string, data: (number | null)[], color: string, yAxisIndex: number, dashed: boolean) => ({
    name,
    type: 'line',
    yAxisIndex,
    data,
    connectNulls: false,
    symbolSize: 5,
    lineStyle: { color, width: 2, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
  });
  return {
    ...baseOption(theme),
    grid: { left: 48, right: 48, top: 28, bottom: 40 },
    xAxis: axis(theme, 'As-of date T', { type: 'category', data: dates, splitLine: { show: false } }),
    yAxis: [
      axis(theme, 'AUC', { type: 'value', min: 0.5, max: 1 }),
      axis(theme, 'Red recall', { type: 'value', min: 0, max: 1, position: 'right', splitLine: { show: false }, axisLabel: { color: theme.subtle, fontSize: 10, formatter: (v: number) => `${Math.round(v * 100)}%` } }),
    ],
    series: [
      line('AUC', auc.complete, theme.accent, 0, false),
      line('Red recall', recall.complete, theme.red, 1, false),
      ...(firstIncomplete >= 0 ? [line('AUC (window past the data)', auc.incomplete, theme.accent, 0, true), line('Red recall (window past the data)', recall.incomplete, theme.red, 1, true)] : []),
    ],
  };
}

/** Churned accounts by how long before churn they turned red (and stayed red), median marked. */
export function leadTimeOption(lead: LeadTimeSummary, theme: ChartTheme): EChartsCoreOption {
  const labels = lead.histogram.map((_, b) => `${b * lead.binDays}–${(b + 1) * lead.binDays}`);
  const medianBin = Number.isFinite(lead.median) ? Math.min(lead.histogram.length - 1, Math.floor(lead.median / lead.binDays)) : -1;
  return {
    ...baseOption(theme),
    xAxis: axis(theme, 'Days red before churn', { type: 'category', data: labels, splitLine: { show: false } }),
    yAxis: axis(theme, 'Churned accounts', { type: 'value', minInterval: 1, nameGap: 34 }),
    grid: { left: 52, right: 16, top: 28, bottom: 40 },
    series: [
      {
        name: 'Churned accounts',
        type: 'bar',
        data: lead.histogram,
        barMaxWidth: 28,
        itemStyle: { color: theme.red, borderRadius: [3, 3, 0, 0] },
        markLine:
          medianBin >= 0
            ? { symbol: 'none', silent: true, label: { formatter: `median ${Math.round(lead.median)} d`, color: theme.muted, fontSize: 10 }, lineStyle: { color: theme.muted, type: 'dashed' }, data: [{ xAxis: labels[medianBin] }] }
            : undefined,
      },
    ],
  };
}
