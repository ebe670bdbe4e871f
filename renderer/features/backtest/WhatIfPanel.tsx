// What-if: the draft against a baseline on the same accounts — ΔAUC with its paired interval, what
// the red band catches, both score distributions, and the band transitions with their accounts.

import { useMemo } from 'react';
import { BaselinePicker } from './BaselinePicker';
import { useBacktestStore } from './backtestStore';
import { useChartTheme } from './charts/chartTheme';
import { EChart } from '../charts/EChart';
import { distributionOption } from './charts/whatIfCharts';
import { DeltaSummary } from './DeltaSummary';
import type { EvaluateResult } from './protocol';
import { TransitionAccounts } from './TransitionAccounts';
import { TransitionMatrix } from './TransitionMatrix';
import type { PairedBootstrap } from '../../../shared/backtest/bootstrap';

interface WhatIfPanelProps {
  result: EvaluateResult;
  viewIndex: number;
  /** Paired ΔAUC intervals per view; null while computing. */
  differences: (PairedBootstrap | null)[] | null;
}

export function WhatIfPanel({ result, viewIndex, differences }: WhatIfPanelProps) {
  const baseline = useBacktestStore((s) => s.baseline);
  const cell = useBacktestStore((s) => s.transitionCell);
  const theme = useChartTheme();
  const view = result.views[viewIndex];
  const whatIf = result.whatIf?.[viewIndex] ?? null;
  const label = baseline?.label ?? 'Baseline';
  const distribution = useMemo(
    () => (whatIf ? distributionOption(view.histogram, whatIf.histogram, label, theme) : null),
    [view.histogram, whatIf, label, theme],
  );

  return (
    <section className="backtest-card backtest-whatif" aria-labelledby="backtest-whatif-title">
      <header className="backtest-card__head">
        <h3 id="backtest-whatif-title" className="backtest-card__title">
          What-if against a baseline
        </h3>
        <BaselinePicker />
      </header>
      {result.baselineError ? (
        <p className="backtest-warning" role="alert">
          {result.baselineError}
        </p>
      ) : null}
      {!baseline ? (
        <p className="backtest-hint">
          Pick a saved version, or pin the current draft and keep editing: the numbers below then compare the two scorecards on the same accounts at T.
        </p>
      ) : null}
      {whatIf && distribution ? (
        <>
          <DeltaSummary view={view} whatIf={whatIf} baselineLabel={label} difference={differences?.[viewIndex] ?? null} />
          <div className="backtest-whatif__grid">
            <figure className="backtest-chart">
              <figcaption className="backtest-card__subtitle">Score distribution of the labelled accounts</figcaption>
              <EChart replace className="echart" option={distribution} ariaLabel={`Score distribution of ${label} and the draft, ${view.label}`} testId="backtest-distributions" />
            </figure>
            <TransitionMatrix accounts={whatIf.transitions} churned={whatIf.transitionsChurned} baselineLabel={label} open={cell} />
          </div>
          {cell ? <TransitionAccounts cell={cell} baselineLabel={label} /> : null}
        </>
      ) : null}
    </section>
  );
}
