// The scenario table: the draft and chosen saved versions back-tested at the current T and H, point
// numbers from the session worker, then AUC intervals from their own worker (cancellable).

import { reportError } from '../shell/errorStore';
import { currentDraft } from './backtestSession';
import { type BacktestState, type ScenarioState, useBacktestStore } from './backtestStore';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED } from './evaluate';
import { type ScenarioEntry, transferablesOf } from './protocol';
import { withIntervals } from './scenarioRows';
import { versionLabel, versionScorecard } from './versionCache';
import { isCancelled } from './workerClient';
import { workers } from './workers';

const get = () => useBacktestStore.getState();
const setScenario = (patch: Partial<ScenarioState>) => useBacktestStore.setState((s: BacktestState) => ({ scenario: { ...s.scenario, ...patch } }));

let run = 0;

export function toggleScenarioVersion(version: number): void {
  const chosen = get().scenario.versions;
  setScenario({ versions: chosen.includes(version) ? chosen.filter((v) => v !== version) : [...chosen, version].sort((a, b) => b - a) });
}

export async function runScenario(): Promise<void> {
  const { controls, scenario, versions } = get();
  const draft = currentDraft();
  if (!controls || !draft) return;
  const id = ++run;
  workers.scenario.cancel();
  setScenario({ status: 'running', progress: 0, error: null, value: null, controls, intervalsStatus: 'idle' });
  try {
    const saved = await Promise.all(
      scenario.versions.map(async (v): Promise<ScenarioEntry> => {
        const message = versions.find((info) => info.version === v)?.message ?? '';
        return { id: `version:${v}`, label: versionLabel(v, message), scorecard: await versionScorecard(v) };
      }),
    );
    const answer = await workers.session.call('scenario', { entries: [{ id: 'draft', label: 'Draft', scorecard: draft }, ...saved], controls });
    if (id !== run) return;
    setScenario({ status: 'done', progress: 1, value: withIntervals(answer.points, null), intervalsStatus: 'running' });
    const items = answer.intervalInputs;
    const intervals = await workers.scenario.call(
      'scenarioIntervals',
      { items, seed: BOOTSTRAP_SEED, resamples: BOOTSTRAP_RESAMPLES },
      { transfer: transferablesOf(items), onProgress: (done, total) => id === run && setScenario({ progress: done / total }) },
    );
    if (id === run) setScenario({ value: withIntervals(answer.points, intervals), intervalsStatus: 'done' });
  } catch (error) {
    if (id !== run) return;
    if (isCancelled(error)) {
      setScenario({ intervalsStatus: 'cancelled' });
      return;
    }
    setScenario({ status: get().scenario.value ? 'done' : 'error', intervalsStatus: 'error', error: (error as Error).message });
    reportError(error, 'Comparing scorecard versions');
  }
}

/** Stops the intervals; the point numbers already shown stay. */
export function cancelScenario(): void {
  workers.scenario.cancel();
}
