// The scoring worker's results as the UI sees them: the draft's distribution (after every edit),
// the baseline's, and the state of the load. Data comes from the api and goes straight to the
// worker (its typed arrays are moved, not copied); the UI thread keeps only summaries.

import { create } from 'zustand';
import { packStrings } from '../../../shared/columnTransfer';
import type { Scorecard } from '../../../shared/scorecard/types';
import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';
import { type DistributionSummary, type HistoryPoint, type ScoringKernel, transferablesOf } from './protocol';
import { ScoringClient } from './scoringClient';

/** Histogram bins: one per score point, so integer thresholds fall on bin edges. */
export const SCORE_BINS = 100;
/** listAccounts' largest page. */
const NAME_PAGE = 10_000;

export type ScoringStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

interface ScoringState {
  status: ScoringStatus;
  /** Why there is nothing to show (no snapshots, a load or update failure). */
  message: string | null;
  summary: DistributionSummary | null;
  baseline: DistributionSummary | null;
  /** Tag of the newest edit the summary includes (see ScoringClient.update). */
  appliedTag: number | null;
  asOf: string | null;
  previousAsOf: string | null;
  snapshotDates: string[];
  namesReady: boolean;
  accountCount: number;
  /** What scores the draft (null until loaded): shown in the status bar. */
  kernel: ScoringKernel | null;

  load(scorecard: Scorecard): Promise<void>;
  /** Starts loading the account names (for the accounts table and search) if not yet done. */
  ensureNames(): void;
  update(scorecard: Scorecard, tag?: number | null): void;
  setBaseline(scorecard: Scorecard | null): Promise<void>;
}

let generation = 0;
/** Names are fetched the first time a view needs them, not while the designer is busy. */
let namesRequested = false;

export const scoringClient = new ScoringClient({
  applied(summary, tag) {
    useScoringStore.setState((s) => ({ summary: summary ?? s.summary, appliedTag: tag, status: 'ready', message: null }));
  },
  failed(error) {
    useScoringStore.setState({ message: error.message });
    reportError(error, 'Scoring the draft');
  },
});

/** Every account's name and its place in the workspace's name order, fetched in the background. */
async function loadNames(count: number, gen: number): Promise<void> {
  const names = new Array<string>(count).fill('');
  const rank = new Uint32Array(count);
  for (let offset = 0; offset < count; offset += NAME_PAGE) {
    const page = await api.listAccounts({ offset, limit: NAME_PAGE, sort: { column: 'name', direction: 'asc' } });
    if (gen !== generation) return;
    page.rows.forEach((row, j) => {
      names[row.index] = row.name;
      rank[row.index] = offset + j;
    });
  }
  await scoringClient.call('setNames', { names: packStrings(names), nameRank: rank }, [rank.buffer]);
  if (gen === generation) useScoringStore.setState({ namesReady: true });
}

/** An account's score in every snapshot, fetching the snapshots the worker does not hold. */
export async function accountHistory(index: number): Promise<HistoryPoint[]> {
  // Each round sends what was missing; the worker scores each snapshot as it arrives.
  for (let round = 0; round < 3; round++) {
    const answer = await scoringClient.call('history', { index });
    if ('points' in answer) return answer.points;
    for (const asOf of answer.needSnapshots) {
      const data = await api.getScoringData({ asOf });
      if (data) await scoringClient.call('addSnapshot', { data }, transferablesOf(data));
    }
  }
  throw new Error('the score history could not be completed (the scorecard kept changing)');
}

export const useScoringStore = create<ScoringState>()((set) => ({
  status: 'idle',
  message: null,
  summary: null,
  baseline: null,
  appliedTag: null,
  asOf: null,
  previousAsOf: null,
  snapshotDates: [],
  namesReady: false,
  accountCount: 0,
  kernel: null,

  async load(scorecard) {
    const gen = ++generation;
    namesRequested = false;
    set({ status: 'loading', message: null, summary: null, baseline: null, namesReady: false, appliedTag: null });
    try {
      const current = await api.getScoringData({});
      if (gen !== generation) return;
      if (!current) {
        set({ status: 'empty', message: 'This workspace has no snapshots to score yet. Import a spreadsheet of account metrics.', snapshotDates: [] });
        return;
      }
      const at = current.snapshotDates.indexOf(current.asOf);
      const previousAsOf = at > 0 ? current.snapshotDates[at - 1] : null;
      const previous = previousAsOf ? await api.getScoringData({ asOf: previousAsOf }) : null;
      if (gen !== generation) return;
      const { asOf, snapshotDates, accountCount } = current;
      const args = { current, previous, scorecard, bins: SCORE_BINS };
      const summary = await scoringClient.load(args, transferablesOf([current, previous]));
      const { kernel } = await scoringClient.call('engineInfo', {});
      if (gen !== generation) return;
      set({ status: 'ready', summary, asOf, previousAsOf, snapshotDates, accountCount, kernel });
    } catch (error) {
      if (gen !== generation) return;
      set({ status: 'error', message: (error as Error).message });
      reportError(error, 'Loading the scoring data');
    }
  },

  ensureNames() {
    const { status, accountCount } = useScoringStore.getState();
    if (namesRequested || status !== 'ready') return;
    namesRequested = true;
    const gen = generation;
    loadNames(accountCount, gen).catch((error) => {
      if (gen === generation) namesRequested = false;
      reportError(error, 'Loading account names');
    });
  },

  update(scorecard, tag = null) {
    scoringClient.update(scorecard, tag);
  },

  async setBaseline(scorecard) {
    const gen = generation;
    try {
      const baseline = await scoringClient.call('setBaseline', { scorecard });
      if (gen === generation) set({ baseline });
    } catch (error) {
      if (gen === generation) set({ baseline: null });
      reportError(error, 'Scoring the baseline version');
    }
  },
}));
