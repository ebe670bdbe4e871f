// The scoring worker's request handling, separate from the worker entry so that component tests can
// run the very same code in process. One handler per protocol method; errors become answers.

import { unpackStrings } from '../../../shared/columnTransfer';
import { accountDetail } from './accountDetail';
import { AccountQueries } from './accountQuery';
import { metricProfile } from './metricProfile';
import { type ScoringWorkerMethods, type WorkerRequest, type WorkerResponse, transferablesOf } from './protocol';
import { ScoringSession } from './scoringSession';
import { SnapshotHistory } from './snapshotHistory';

interface Loaded {
  session: ScoringSession;
  queries: AccountQueries;
  history: SnapshotHistory;
}

export class ScoringWorkerHost {
  private loaded: Loaded | null = null;

  private get state(): Loaded {
    if (!this.loaded) throw new Error('no scoring data loaded yet');
    return this.loaded;
  }

  private readonly handlers: ScoringWorkerMethods = {
    load: (args) => {
      const session = new ScoringSession(args);
      this.loaded = { session, queries: new AccountQueries(session), history: new SnapshotHistory(session) };
      return session.summary();
    },
    setWeights: ({ changes }) => this.state.session.setWeights(changes),
    setScorecard: ({ scorecard }) => this.state.session.setScorecard(scorecard),
    setBaseline: ({ scorecard }) => this.state.session.setBaseline(scorecard),
    setNames: ({ names, nameRank }) => {
      const { session, queries } = this.state;
      session.setNames(unpackStrings(names, nameRank.length), nameRank);
      queries.namesChanged();
      return null;
    },
    queryAccounts: (query) => this.state.queries.page(query),
    biggestDrops: (query) => this.state.queries.drops(query),
    explain: ({ index }) => accountDetail(this.state.session, index),
    history: ({ index }) => this.state.history.of(index),
    addSnapshot: ({ data }) => {
      this.state.history.add(data);
      return null;
    },
    metricProfile: ({ metricId, bins }) => metricProfile(this.state.session, metricId, bins),
    engineInfo: () => ({ kernel: this.state.session.engine.kernelActive ? 'wasm' : 'typescript' }),
  };

  handle(request: WorkerRequest): { response: WorkerResponse; transfer: Transferable[] } {
    try {
      const handler = this.handlers[request.method] as (args: unknown) => unknown;
      const result = handler(request.args);
      // Results own their typed arrays (fresh copies), so they can be moved rather than copied.
      return { response: { id: request.id, ok: true, result }, transfer: transferablesOf(result) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { response: { id: request.id, ok: false, error: message }, transfer: [] };
    }
  }
}
