// `healthscore backtest` and `healthscore suggest-weights`: the back-test of a scorecard at one
// as-of date against the workspace's churn history, and weight suggestions fitted on it.

import { ApiError } from '../../shared/api';
import { runBacktest } from '../../shared/backtest/backtest';
import { defaultLabelMode } from '../../shared/backtest/labels';
import { bootstrapAuc, type BootstrapInterval } from '../../shared/backtest/bootstrap';
import { suggestWeights, type WeightSuggestion } from '../../shared/backtest/suggestWeights';
import { Y_EXCLUDED } from '../../shared/backtest/types';
import { epochDayToIso, isoToEpochDay } from '../../shared/dates';
import type { Scorecard } from '../../shared/scorecard/types';
import { backtestInput, type BacktestInput } from '../services/backtestInput';
import { ScorecardService } from '../services/scorecards';
import { WorkspaceStore } from '../store/workspaceStore';
import { UsageError } from './args';
import { readScorecardFile } from './scoreCommand';

export interface BacktestCliOptions {
  workspace: string;
  scorecardFile?: string;
  asOf?: string;
  horizonDays: number;
  seed: number;
  resamples: number;
  includeOverrides: boolean;
}

/** Minimum churned accounts for a trustworthy number (DESIGN: fewer than 30 is flagged). */
const MIN_CHURNED = 30;

/** `90d`, `90` or `12w` → days. */
export function parseHorizon(text: string | undefined): number {
  const m = /^(\d+)\s*([dw]?)$/.exec((text ?? '90d').trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`--horizon must look like 90d (days) or 12w (weeks), got "${text}"`);
  return Number(m[1]) * (m[2] === 'w' ? 7 : 1);
}

function withStore<T>(file: string, use: (store: WorkspaceStore) => T): T {
  const store = WorkspaceStore.open(file);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function scorecardFor(store: WorkspaceStore, file: string | undefined): Scorecard {
  return file ? readScorecardFile(file) : new ScorecardService(store).currentDraft();
}

/** The as-of date asked for, else the latest snapshot whose whole horizon lies within the data. */
function resolveAsOf(store: WorkspaceStore, asOf: string | undefined, horizonDays: number): string {
  const dates = store.listSnapshots().map((s) => s.asOf);
  if (dates.length === 0) throw new ApiError('not_found', 'The workspace has no snapshots to back-test.');
  if (asOf) return asOf;
  const last = isoToEpochDay(dates[dates.length - 1]);
  const fits = dates.filter((d) => isoToEpochDay(d) + horizonDays <= last);
  return fits.length ? fits[fits.length - 1] : dates[0];
}

/** Dated labels (churn in (T, T + H]), or the churn flag itself when no dates exist and there is one snapshot. */
function labelOptions(store: WorkspaceStore, churn: BacktestInput['churn'], asOf: string, o: BacktestCliOptions) {
  const mode = defaultLabelMode(churn, store.listSnapshots().length);
  return { mode, asOfDay: isoToEpochDay(asOf), horizonDays: o.horizonDays, includeOverrides: o.includeOverrides };
}

export function runBacktestCli(o: BacktestCliOptions) {
  return withStore(o.workspace, (store) => {
    const scorecard = scorecardFor(store, o.scorecardFile);
    const asOf = resolveAsOf(store, o.asOf, o.horizonDays);
    const input = backtestInput(store, scorecard, asOf);
    const labelling = labelOptions(store, input.churn, asOf, o);
    const result = runBacktest(input.accounts, input.churn, labelling);
    const interval = bootstrapAuc(input.accounts.score, result.y, { seed: o.seed, resamples: o.resamples });
    const warnings: string[] = [];
    if (interval.notReliable) warnings.push(`The AUC interval is wider than ±0.1 (${interval.lo.toFixed(3)}–${interval.hi.toFixed(3)}): not reliable.`);
    for (const s of result.segmentAuc) {
      if (s.auc.churned + s.auc.retained > 0 && s.auc.churned < MIN_CHURNED) {
        warnings.push(`Segment "${s.segment}": only ${s.auc.churned} churned accounts in the horizon — its numbers are not reliable.`);
      }
    }
    return {
      scorecard: scorecard.name,
      asOf,
      horizonDays: o.horizonDays,
      window:
        labelling.mode === 'flag'
          ? 'labels from the churn flag: this workspace has no churn dates'
          : `churn in ${asOf} < churn ≤ ${epochDayToIso(isoToEpochDay(asOf) + o.horizonDays)}`,
      labels: result.labels,
      auc: { ...result.auc, ci: interval },
      segments: result.segmentAuc,
      bands: result.bands,
      calibration: result.calibration,
      warnings,
    };
  });
}

export function runSuggestWeightsCli(o: BacktestCliOptions & { folds: number }) {
  return withStore(o.workspace, (store) => {
    const scorecard = scorecardFor(store, o.scorecardFile);
    const asOf = resolveAsOf(store, o.asOf, o.horizonDays);
    const input = backtestInput(store, scorecard, asOf);
    const current = runBacktest(input.accounts, input.churn, labelOptions(store, input.churn, asOf, o));
    const { matrix } = input.engine;
    const n = matrix.accountCount;
    const p = matrix.columns.length;
    const x = new Float64Array(n * p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) x[i * p + j] = matrix.columns[j][i];
    const segments = input.accounts.segmentNames.map((name, k) => {
      const y = Uint8Array.from(current.y, (v, i) => (input.accounts.segment[i] === k ? v : Y_EXCLUDED));
      const churned = y.reduce((c, v) => c + (v === 1 ? 1 : 0), 0);
      let suggestion: WeightSuggestion | null = null;
      let error: string | null = null;
      try {
        suggestion = suggestWeights({ x: { values: x, rows: n, cols: p }, metricNames: matrix.metricIds, y }, { seed: o.seed, folds: o.folds });
      } catch (err) {
        error = (err as Error).message;
      }
      const currentAuc = current.segmentAuc[k].auc.auc;
      return { segment: name, churned, currentAuc, suggestion: suggestion && compactSuggestion(suggestion), error };
    });
    return { scorecard: scorecard.name, asOf, horizonDays: o.horizonDays, segments };
  });
}

function compactSuggestion(s: WeightSuggestion) {
  const { fill: _fill, ...rest } = s;
  return { ...rest, aucInterval: s.aucInterval && pickInterval(s.aucInterval) };
}

function pickInterval(i: BootstrapInterval) {
  return { estimate: i.estimate, lo: i.lo, hi: i.hi, notReliable: i.notReliable };
}
