// The what-if baseline: a saved version, or a pinned copy of the draft ("a second draft"), and the
// accounts behind one cell of the band transition matrix.

import { reportError } from '../shell/errorStore';
import { type Baseline, type BacktestState, useBacktestStore } from './backtestStore';
import { currentDraft, requestEvaluation } from './backtestSession';
import { versionLabel, versionScorecard } from './versionCache';
import { workers } from './workers';

const set = (patch: Partial<BacktestState>) => useBacktestStore.setState(patch);
const get = () => useBacktestStore.getState();

/** Pinned drafts kept in the picker. */
const MAX_PINNED = 5;
/** Accounts listed for a transition cell (the count shows how many there are in all). */
export const TRANSITION_LIST_LIMIT = 200;
let pinCount = 0;

function applyBaseline(baseline: Baseline | null): void {
  set({ baseline, transitionCell: null });
  requestEvaluation();
}

/** `null` (no baseline), `version:N` or `pinned:N`. */
export async function chooseBaseline(id: string | null): Promise<void> {
  if (id === null) return applyBaseline(null);
  const pinned = get().pinned.find((p) => p.id === id);
  if (pinned) return applyBaseline(pinned);
  const version = Number(id.replace(/^version:/, ''));
  const info = get().versions.find((v) => v.version === version);
  if (!info) return;
  try {
    const scorecard = await versionScorecard(version);
    applyBaseline({ id, label: versionLabel(version, info.message), scorecard });
  } catch (error) {
    reportError(error, `Loading scorecard version ${version}`);
  }
}

/** Keeps a copy of the current draft and compares against it from now on. */
export function pinDraft(label?: string): Baseline | null {
  const draft = currentDraft();
  if (!draft) return null;
  pinCount++;
  const time = new Date().toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const baseline: Baseline = { id: `pinned:${pinCount}`, label: label ?? `Pinned draft (${time})`, scorecard: draft };
  set({ pinned: [baseline, ...get().pinned].slice(0, MAX_PINNED) });
  applyBaseline(baseline);
  return baseline;
}

async function loadCell(from: number, to: number): Promise<void> {
  const { result, viewIndex } = get();
  if (!result) return;
  const segment = viewIndex === 0 ? null : viewIndex - 1;
  set({ transitionCell: { from, to, segment, list: null, error: null } });
  try {
    const list = await workers.session.call('transitionAccounts', { inputsKey: result.inputsKey, from, to, segment, limit: TRANSITION_LIST_LIMIT });
    const cell = get().transitionCell;
    if (cell && cell.from === from && cell.to === to && cell.segment === segment) set({ transitionCell: { ...cell, list } });
  } catch (error) {
    // A newer back-test on the way reloads the cell when it answers.
    const cell = get().transitionCell;
    if (get().requestedRevision === result.revision && cell) set({ transitionCell: { ...cell, error: (error as Error).message } });
  }
}

export function openTransitionCell(from: number, to: number): void {
  void loadCell(from, to);
}

export function closeTransitionCell(): void {
  set({ transitionCell: null });
}

/** After a new result or view: the open cell's accounts are listed again. */
export function refreshTransitionCell(): void {
  const cell = get().transitionCell;
  if (cell && get().baseline) void loadCell(cell.from, cell.to);
}
