// Weight suggestions on demand: the session worker hands over the sub-scores and labels at T, the
// suggestion worker fits each segment (seconds at 100k accounts, with progress); cancelling
// terminates that worker. Applying one pins the current draft as the what-if baseline first, so
// the panel then shows what the suggested weights change.

import type { Scorecard } from '../../../shared/scorecard/types';
import { reportError } from '../shell/errorStore';
import { pinDraft } from './baselineActions';
import { currentDraft } from './backtestSession';
import { type BacktestState, type SuggestionState, useBacktestStore } from './backtestStore';
import { BOOTSTRAP_SEED } from './evaluate';
import { type SegmentSuggestion, transferablesOf } from './protocol';
import { scorecardWithSuggestedWeights } from './suggestedScorecard';
import { isCancelled } from './workerClient';
import { workers } from './workers';

/** The CLI's default (`healthscore suggest-weights --folds 5`). */
export const SUGGESTION_FOLDS = 5;

const get = () => useBacktestStore.getState();
const setSuggestions = (patch: Partial<SuggestionState>) => useBacktestStore.setState((s: BacktestState) => ({ suggestions: { ...s.suggestions, ...patch } }));

let run = 0;

async function featuresOfLatest() {
  // A slider may move while we ask: ask again for the newer back-test (a few times at most).
  for (let attempt = 0; ; attempt++) {
    const inputsKey = get().result?.inputsKey;
    if (inputsKey === undefined) throw new Error('There is no back-test to fit weights to yet.');
    try {
      return await workers.session.call('featureMatrix', { inputsKey });
    } catch (error) {
      if (attempt >= 3 || get().result?.inputsKey === inputsKey) throw error;
    }
  }
}

export async function runSuggestions(): Promise<void> {
  const id = ++run;
  workers.suggestions.cancel();
  setSuggestions({ status: 'running', progress: 0, error: null, controls: get().result?.controls ?? null });
  try {
    const features = await featuresOfLatest();
    if (id !== run) return;
    const value = await workers.suggestions.call(
      'suggest',
      { ...features, seed: BOOTSTRAP_SEED, folds: SUGGESTION_FOLDS },
      { transfer: transferablesOf(features), onProgress: (done, total) => id === run && setSuggestions({ progress: done / total }) },
    );
    if (id === run) setSuggestions({ status: 'done', progress: 1, value });
  } catch (error) {
    if (id !== run) return;
    if (isCancelled(error)) return setSuggestions({ status: 'cancelled' });
    setSuggestions({ status: 'error', error: (error as Error).message });
    reportError(error, 'Suggesting weights');
  }
}

export function cancelSuggestions(): void {
  run++;
  workers.suggestions.cancel();
  setSuggestions({ status: 'cancelled' });
}

/** Makes the suggested weights of one segment the draft; the draft before becomes the baseline. */
export function applySuggestion(s: SegmentSuggestion, onApplyDraft: (scorecard: Scorecard) => void): void {
  const draft = currentDraft();
  if (!draft || !s.suggestion) return;
  try {
    const next = scorecardWithSuggestedWeights(draft, s.segmentId, s.suggestion.metrics);
    pinDraft(`Draft before suggested weights (${s.segment})`);
    onApplyDraft(next);
  } catch (error) {
    reportError(error, 'Applying the suggested weights');
  }
}
