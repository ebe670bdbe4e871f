// The panel's main-thread controller: loads the workspace's snapshots into the session worker (the
// as-of snapshot first, so numbers show at once; the others in the background for the rolling
// back-test and lead times), and turns draft and control changes into live back-test requests.
// Snapshot columns go straight from the api to the worker (moved, not copied).

import type { ScoringDataTransfer } from '../../../shared/api';
import type { Scorecard } from '../../../shared/scorecard/types';
import { formatIssue, validateScorecard } from '../../../shared/scorecard/validate';
import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';
import { type BacktestState, initialBacktestState, mergeIntervals, useBacktestStore } from './backtestStore';
import { DEFAULT_HORIZON_DAYS, defaultAsOf } from './controlDefaults';
import { LiveBacktest } from './liveBacktest';
import { type BacktestControls, transferablesOf } from './protocol';
import { refreshTransitionCell } from './baselineActions';
import { forgetVersions, refreshVersions } from './versionCache';
import { stopAllWorkers, workers } from './workers';

const set = (patch: Partial<BacktestState>) => useBacktestStore.setState(patch);
const get = () => useBacktestStore.getState();

let draft: Scorecard | null = null;
let generation = 0;
/** Snapshot fetches under way, shared by the background loader and an as-of change. */
const loading = new Map<string, Promise<void>>();

export const live = new LiveBacktest(workers.session, workers.intervals, {
  result(result) {
    // The draft may have lost the segment on screen (its rules changed): fall back to all accounts.
    const lostView = get().viewIndex >= result.views.length;
    set({ result, evaluateError: null });
    if (lostView) setView(0);
    else refreshTransitionCell();
  },
  failed(error, revision) {
    if (revision === get().requestedRevision) set({ evaluateError: error.message });
  },
  history(history) {
    set({ history });
  },
  historyFailed(error) {
    reportError(error, 'Computing the rolling back-test');
  },
  intervals(inputsKey, value) {
    // The two parts of the same inputs' intervals arrive one after the other: merge them.
    const held = get().intervals;
    const merged = held && held.inputsKey === inputsKey ? mergeIntervals(held.value, value) : value;
    set({ intervals: { inputsKey, value: merged }, intervalsError: null });
  },
  intervalsFailed(error) {
    set({ intervalsError: error.message });
  },
});

export function currentDraft(): Scorecard | null {
  return draft;
}

/** Sends the current draft, baseline and controls to the worker (latest wins). */
export function requestEvaluation(): void {
  const s = get();
  if (s.status !== 'ready' || !s.controls || !draft) return;
  const baseline = s.baseline ? { id: s.baseline.id, scorecard: s.baseline.scorecard } : null;
  set({ requestedRevision: live.request({ scorecard: draft, baseline, controls: s.controls, viewIndex: s.viewIndex }) });
}

/** The designer's draft changed. One that does not validate keeps the last result on screen. */
export function setDraft(scorecard: Scorecard): void {
  if (scorecard === draft) return;
  const check = validateScorecard(scorecard);
  const draftProblem = check.ok ? null : formatIssue(check.issues[0]);
  if (draftProblem !== get().draftProblem) set({ draftProblem });
  if (draftProblem) return;
  draft = scorecard;
  requestEvaluation();
}

async function addSnapshot(data: ScoringDataTransfer, gen: number): Promise<void> {
  const info = await workers.session.call('addSnapshot', { data }, { transfer: transferablesOf(data) });
  if (gen === generation) set({ loadedDates: info.loadedDates });
}

/** Fetches one snapshot into the session unless it is there or on its way. */
function ensureLoaded(asOf: string, gen: number): Promise<void> {
  if (get().loadedDates.includes(asOf)) return Promise.resolve();
  let pending = loading.get(asOf);
  if (!pending) {
    pending = (async () => {
      const data = await api.getScoringData({ asOf });
      if (gen !== generation) return;
      if (!data) throw new Error(`The workspace has no snapshot dated ${asOf}.`);
      await addSnapshot(data, gen);
    })().finally(() => loading.delete(asOf));
    loading.set(asOf, pending);
  }
  return pending;
}

async function loadHistory(gen: number): Promise<void> {
  for (const date of [...get().snapshotDates].reverse()) {
    if (gen !== generation) return;
    await ensureLoaded(date, gen);
  }
  if (gen === generation) live.refreshHistory();
}

/** Loads a workspace (again): everything from before is dropped. */
export async function openWorkspace(workspaceKey: string): Promise<void> {
  const gen = ++generation;
  live.reset();
  stopAllWorkers();
  loading.clear();
  forgetVersions();
  set({ ...initialBacktestState, workspaceKey, status: 'loading' });
  try {
    const latest = await api.getScoringData({});
    if (gen !== generation) return;
    if (!latest) {
      set({ status: 'empty', message: 'This workspace has no snapshots to back-test yet. Import a spreadsheet of account metrics.' });
      return;
    }
    const asOf = defaultAsOf(latest.snapshotDates, DEFAULT_HORIZON_DAYS)!;
    const first = asOf === latest.asOf ? latest : await api.getScoringData({ asOf });
    if (gen !== generation || !first) return;
    const info = await workers.session.call('init', { data: first }, { transfer: transferablesOf(first) });
    if (gen !== generation) return;
    set({
      status: 'ready',
      snapshotDates: info.snapshotDates,
      loadedDates: info.loadedDates,
      accountCount: info.accountCount,
      controls: { asOf, horizonDays: DEFAULT_HORIZON_DAYS, includeOverrides: false },
    });
    requestEvaluation();
    void refreshVersions();
    if (first !== latest) await addSnapshot(latest, gen);
    await loadHistory(gen);
  } catch (error) {
    if (gen !== generation) return;
    if (get().status === 'loading') set({ status: 'error', message: (error as Error).message });
    reportError(error, 'Loading the back-test data');
  }
}

/**
 * Changes T, H or the overrides toggle; a T whose data is not loaded yet is fetched first. Until
 * the user picks T, a new horizon moves T to the latest snapshot whose window fits (as the CLI).
 */
export async function setControls(patch: Partial<BacktestControls>): Promise<void> {
  const s = get();
  if (!s.controls) return;
  const asOfChosen = s.asOfChosen || patch.asOf !== undefined;
  const controls = { ...s.controls, ...patch };
  if (!asOfChosen && patch.horizonDays !== undefined) controls.asOf = defaultAsOf(s.snapshotDates, patch.horizonDays) ?? controls.asOf;
  set({ controls, asOfChosen });
  const gen = generation;
  try {
    await ensureLoaded(controls.asOf, gen);
  } catch (error) {
    reportError(error, `Loading the snapshot of ${controls.asOf}`);
    return;
  }
  if (gen === generation && get().controls === controls) requestEvaluation();
}

/** Shows another view; its curves are computed on request (the worker only sorts the one shown). */
export function setView(viewIndex: number): void {
  set({ viewIndex });
  requestEvaluation();
}
