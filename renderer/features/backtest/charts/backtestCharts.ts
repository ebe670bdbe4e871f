// ECharts options of the back-test's curves: ROC, cumulative gains with lift, and calibration.
// Pure functions of the statistics and the theme (testable without a canvas).

import type { CalibrationBin } from '../../../../shared/backtest/calibration';
import type { Curves } from '../../../../shared/backtest/curves';
import type { ChartTheme } from './chartTheme';
import type { EChartsCoreOption } from '../../charts/echarts';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Axis, grid and tooltip settings every chart of the panel shares. */
export function baseOption(theme: ChartTheme): EChartsCoreOption {
  return {
    textStyle: { color: theme.muted, fontFamily: theme.fontFamily, fontSize: 11 },
    grid: { left: 48, right: 16, top: 28, bottom: 40 },
    // Rich text: drawn on the canvas, so no inline styles for the CSP to refuse.
    tooltip: { trigger: 'axis', renderMode: 'richText', backgroundColor: theme.surface, borderColor: theme.border, textStyle: { color: theme.text, fontSize: 11 } },
    legend: { top: 0, right: 0, textStyle: { color: theme.muted, fontSize: 11 }, itemWidth: 14, itemHeight: 8 },
  };
}

export function axis(theme: ChartTheme, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    nameLocation: 'middle',
    nameGap: 26,
    nameTextStyle: { color: theme.muted, fontSize: 11 },
    axisLine: { lineStyle: { color: theme.border } },
    axisTick: { show: false },
    axisLabel: { color: theme.subtle, fontSize: 10 },
    splitLine: { lineStyle: { color: theme.border, opacity: 0.6 } },
    ...extra,
  };
}

const unitAxis = (theme: ChartTheme, name: string) => axis(theme, name, { type: 'value', min: 0, max: 1, axisLabel: { color: theme.subtle, fontSize: 10, formatter: (v: number) => `${Math.round(v * 100)}%` } });

function points(x: Float64Array, y: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) out.push([x[i], y[i]]);
  return out;
}

function chance(theme: ChartTheme): Record<string, unknown> {
  return { name: 'Chance', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { color: theme.subtle, type: 'dashed', width: 1 }, itemStyle: { color: theme.subtle }, tooltip: { show: false } };
}

/** ROC: flagging the lowest scores first, churned caught (TPR) against retained flagged (FPR). */
export function rocOption(curves: Curves, theme: ChartTheme): EChartsCoreOption {
  return {
    ...baseOption(theme),
    xAxis: unitAxis(theme, 'Retained accounts flagged'),
    yAxis: unitAxis(theme, 'Churned accounts caught'),
    tooltip: { ...(baseOption(theme).tooltip as object), valueFormatter: (v: number) => pct(v) },
    series: [{ name: 'This scorecard', type: 'line', data: points(curves.fpr, curves.tpr), symbol: 'none', lineStyle: { color: theme.accent, width: 2 }, itemStyle: { color: theme.accent } }, chance(theme)],
  };
}

/** Cumulative gains (share of churn caught by the lowest-scoring x%) and lift on the right axis. */
export function gainsOption(curves: Curves, theme: ChartTheme): EChartsCoreOption {
  return {
    ...baseOption(theme),
    grid: { left: 48, right: 44, top: 28, bottom: 40 },
    xAxis: unitAxis(theme, 'Accounts flagged, lowest scores first'),
    yAxis: [
      unitAxis(theme, 'Churned accounts caught'),
      axis(theme, 'Lift', { type: 'value', min: 0, position: 'right', splitLine: { show: false }, nameGap: 30, axisLabel: { color: theme.subtle, fontSize: 10, formatter: (v: number) => `${v}×` } }),
    ],
    series: [
      { name: 'Gains', type: 'line', data: points(curves.share, curves.captured), symbol: 'none', lineStyle: { color: theme.accent, width: 2 }, itemStyle: { color: theme.accent } },
      { name: 'Lift', type: 'line', yAxisIndex: 1, data: points(curves.share, curves.lift), symbol: 'none', lineStyle: { color: theme.muted, width: 1.5 }, itemStyle: { color: theme.muted } },
      chance(theme),
    ],
  };
}

/** Churn rate per score decile; the overall rate of the scored accounts as a line. */
export function calibrationOption(bins: readonly CalibrationBin[], theme: ChartTheme): EChartsCoreOption {
  let accounts = 0;
  let churned = 0;
  for (const b of bins) {
    accounts += b.accounts;
    churned += b.churned;
  }
  const overall = accounts > 0 ? churned / accounts : Number.NaN;
  return {
    ...baseOption(theme),
    xAxis: axis(theme, 'Score decile', { type: 'category', data: bins.map((b) => `${b.lo}–${b.hi}`), splitLine: { show: false } }),
    yAxis: axis(theme, 'Churn rate', { type: 'value', min: 0, axisLabel: { color: theme.subtle, fontSize: 10, formatter: (v: number) => `${Math.round(v * 100)}%` } }),
    tooltip: { ...(baseOption(theme).tooltip as object), valueFormatter: (v: number) => (Number.isFinite(v) ? pct(v) : 'no accounts') },
    series: [
      {
        name: 'Churn rate',
        type: 'bar',
        barMaxWidth: 28,
        data: bins.map((b) => (Number.isFinite(b.churnRate) ? b.churnRate : null)),
        itemStyle: { color: theme.accent, borderRadius: [3, 3, 0, 0] },
        markLine: Number.isFinite(overall)
          ? { symbol: 'none', silent: true, label: { formatter: `overall ${pct(overall)}`, color: theme.muted, fontSize: 10, position: 'insideEndTop' }, lineStyle: { color: theme.muted, type: 'dashed' }, data: [{ yAxis: overall }] }
          : undefined,
      },
    ],
  };
}
