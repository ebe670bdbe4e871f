// The back-test panel: did the accounts that churned score red beforehand? It back-tests the
// designer's draft live (every slider move) against the workspace's churn history, compares it
// with a baseline, rolls the test over time, and suggests weights. Mount it with the current draft;
// "Apply as draft" hands a suggested scorecard back through onApplyDraft.

import { useEffect } from 'react';
import type { Scorecard } from '../../../shared/scorecard/types';
import { useWorkspaceStore } from '../workspace/workspaceStore';
import { AucSummary } from './AucSummary';
import { BacktestControls } from './BacktestControls';
import { openWorkspace, setDraft } from './backtestSession';
import { currentIntervals, useBacktestStore } from './backtestStore';
import { BandTableView } from './BandTableView';
import { windowPastData } from './controlDefaults';
import { CurveCharts } from './CurveCharts';
import { HistoryPanel } from './HistoryPanel';
import { ScenarioTable } from './ScenarioTable';
import { SegmentBreakdown } from './SegmentBreakdown';
import { SuggestionsPanel } from './SuggestionsPanel';
import { WhatIfPanel } from './WhatIfPanel';
import './backtest.css';
import './backtestDetails.css';

export interface BacktestViewProps {
  /** The designer's current draft (a new object for every edit). */
  scorecard: Scorecard;
  /** Makes `scorecard` the designer's draft (used by "Apply as draft"). */
  onApplyDraft(scorecard: Scorecard): void;
  /** Reload key of the data; default: the open workspace's path, accounts and snapshot dates. */
  workspaceKey?: string;
}

function useWorkspaceKey(explicit: string | undefined): string | null {
  const summary = useWorkspaceStore((s) => s.summary);
  if (explicit !== undefined) return explicit;
  return summary ? `${summary.path}|${summary.accountCount}|${summary.snapshotDates.join(',')}` : null;
}

function Results({ scorecard, onApplyDraft }: Omit<BacktestViewProps, 'workspaceKey'>) {
  const result = useBacktestStore((s) => s.result);
  const viewIndex = useBacktestStore((s) => s.viewIndex);
  const intervals = useBacktestStore(currentIntervals);
  const intervalsError = useBacktestStore((s) => s.intervalsError);
  const updating = useBacktestStore((s) => s.requestedRevision > (s.result?.revision ?? 0) && !s.evaluateError);
  const dates = useBacktestStore((s) => s.snapshotDates);
  if (!result) return <p className="loading-state" role="status">Back-testing the draft…</p>;
  // Until the answer for a new segment list arrives, an index past its end shows all accounts.
  const shown = viewIndex < result.views.length ? viewIndex : 0;
  const view = result.views[shown];
  const { asOf, horizonDays } = result.controls;
  return (
    <>
      {windowPastData(dates, asOf, horizonDays) ? (
        <p className="backtest-warning" role="note">
          The window ends after the newest snapshot ({dates[dates.length - 1]}): churn after it is not recorded yet, so churn reads low.
        </p>
      ) : null}
      <div className="backtest-top">
        <AucSummary result={result} view={view} interval={intervals?.views[shown] ?? null} intervalError={intervalsError} updating={updating} />
        <section className="backtest-card" aria-labelledby="backtest-bands-title">
          <h3 id="backtest-bands-title" className="backtest-card__title">
            Churn by band at {asOf}, {view.label}
          </h3>
          <BandTableView table={view.bands} caption={`Churn by band at ${asOf} within ${horizonDays} days, ${view.label}`} />
        </section>
      </div>
      <CurveCharts view={view} />
      <SegmentBreakdown views={result.views} intervals={intervals?.views ?? null} selected={shown} />
      <WhatIfPanel result={result} viewIndex={shown} differences={intervals?.differences ?? null} />
      <HistoryPanel />
      <ScenarioTable />
      <SuggestionsPanel scorecard={scorecard} onApplyDraft={onApplyDraft} />
    </>
  );
}

export function BacktestView({ scorecard, onApplyDraft, workspaceKey }: BacktestViewProps) {
  const key = useWorkspaceKey(workspaceKey);
  const status = useBacktestStore((s) => s.status);
  const message = useBacktestStore((s) => s.message);
  const draftProblem = useBacktestStore((s) => s.draftProblem);
  const evaluateError = useBacktestStore((s) => s.evaluateError);

  useEffect(() => {
    if (key !== null && key !== useBacktestStore.getState().workspaceKey) void openWorkspace(key);
  }, [key]);
  // Before the data is in, this only records the draft; the load sends it once T's snapshot is there.
  useEffect(() => setDraft(scorecard), [scorecard]);

  return (
    <section className="backtest" aria-labelledby="backtest-title" data-testid="backtest">
      <header className="backtest__header">
        <div>
          <h2 id="backtest-title" className="backtest__title">
            Back-test
          </h2>
          <p className="backtest__subtitle">Did the accounts that churned score red beforehand? Scores use only the snapshot dated T.</p>
        </div>
        <BacktestControls />
      </header>
      {draftProblem ? (
        <p className="backtest-warning" role="note">
          The draft has a problem ({draftProblem}); showing the last draft that could be back-tested.
        </p>
      ) : null}
      {evaluateError ? (
        <p className="backtest-warning" role="alert">
          The back-test failed: {evaluateError}
        </p>
      ) : null}
      {status === 'ready' ? (
        <Results scorecard={scorecard} onApplyDraft={onApplyDraft} />
      ) : (
        <p className="loading-state" role="status">
          {status === 'empty' || status === 'error' ? message : 'Loading the snapshot data…'}
        </p>
      )}
    </section>
  );
}
