// ROC, cumulative gains with lift, and calibration of the chosen view, side by side.

import { useMemo } from 'react';
import { calibrationOption, gainsOption, rocOption } from './charts/backtestCharts';
import { useChartTheme } from './charts/chartTheme';
import { EChart } from '../charts/EChart';
import { formatAuc } from './displayFormat';
import type { ViewStats } from './protocol';

export function CurveCharts({ view }: { view: ViewStats }) {
  const theme = useChartTheme();
  // A view just chosen has no curves until its back-test answers (a moment later).
  const curves = view.curves;
  const roc = useMemo(() => (curves ? rocOption(curves, theme) : null), [curves, theme]);
  const gains = useMemo(() => (curves ? gainsOption(curves, theme) : null), [curves, theme]);
  const calibration = useMemo(() => calibrationOption(view.calibration, theme), [view.calibration, theme]);
  return (
    <div className="backtest-charts">
      <figure className="backtest-card backtest-chart">
        <figcaption className="backtest-card__title">ROC curve</figcaption>
        {roc ? <EChart replace className="echart" option={roc} ariaLabel={`ROC curve of ${view.label}, AUC ${formatAuc(view.auc.auc)}`} testId="backtest-roc" /> : <p className="backtest-chart__placeholder">Computing…</p>}
      </figure>
      <figure className="backtest-card backtest-chart">
        <figcaption className="backtest-card__title">Cumulative gains and lift</figcaption>
        {gains ? <EChart replace className="echart" option={gains} ariaLabel={`Share of churned accounts caught when flagging the lowest-scoring accounts first, ${view.label}`} testId="backtest-gains" /> : <p className="backtest-chart__placeholder">Computing…</p>}
      </figure>
      <figure className="backtest-card backtest-chart">
        <figcaption className="backtest-card__title">Calibration: churn rate per score decile</figcaption>
        <EChart replace className="echart" option={calibration} ariaLabel={`Churn rate per score decile, ${view.label}`} testId="backtest-calibration" />
      </figure>
    </div>
  );
}
