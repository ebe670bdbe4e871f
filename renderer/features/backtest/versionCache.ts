// Saved scorecard versions for the baseline picker and the scenario table: the list from
// getScorecard, and each version's scorecard fetched once per workspace.

import type { Scorecard } from '../../../shared/scorecard/types';
import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';
import { useBacktestStore } from './backtestStore';

const scorecards = new Map<number, Promise<Scorecard>>();

export function forgetVersions(): void {
  scorecards.clear();
}

export function versionScorecard(version: number): Promise<Scorecard> {
  let sc = scorecards.get(version);
  if (!sc) {
    sc = api.getScorecardVersion({ version });
    // A failed fetch is not remembered: the next attempt asks again.
    sc.catch(() => scorecards.delete(version));
    scorecards.set(version, sc);
  }
  return sc;
}

/** Re-reads the list of saved versions (the designer may have saved one since). */
export async function refreshVersions(): Promise<void> {
  const key = useBacktestStore.getState().workspaceKey;
  try {
    const state = await api.getScorecard({});
    if (useBacktestStore.getState().workspaceKey === key) useBacktestStore.setState({ versions: state.versions });
  } catch (error) {
    reportError(error, 'Listing the saved scorecard versions');
  }
}

export function versionLabel(version: number, message: string): string {
  return message ? `Version ${version} — ${message}` : `Version ${version}`;
}
