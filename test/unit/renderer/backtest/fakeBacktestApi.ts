// The api as the back-test panel uses it, over the seeded demo book: scoring data per snapshot,
// the scorecard state with one saved version, and that version's scorecard.

import { vi } from 'vitest';
import type { Api, ScorecardState } from '../../../../shared/api';
import type { WorkspaceDataset } from '../../../../shared/dataset';
import type { Scorecard } from '../../../../shared/scorecard/types';
import { applyWeightToScorecard } from '../../../../shared/scoring/scorecardEdits';
import { demoDataset, proposedScorecard, transferOf } from './demoSession';

export const book: { ds: WorkspaceDataset; draft: Scorecard; version1: Scorecard } = (() => {
  const ds = demoDataset();
  const draft = proposedScorecard(ds);
  // Version 1 leans on one metric: its bands differ from the draft's, so transitions exist.
  const version1 = applyWeightToScorecard(draft, draft.segments.length, 'metric', draft.metrics[0].id, 6);
  return { ds, draft, version1: { ...version1, segments: version1.segments.map((s) => ({ ...s, weights: { ...s.weights, [draft.metrics[0].id]: 6 } })) } };
})();

const scorecardState = (): ScorecardState => ({
  name: 'Health score',
  draft: book.draft,
  draftUpdatedAt: '2026-11-22T10:00:00Z',
  versions: [{ version: 1, message: 'Logins first', createdAt: '2026-11-20T10:00:00Z' }],
  notes: [],
});

export const fakeApi = {
  getScoringData: vi.fn(async ({ asOf }: { asOf?: string }) => {
    const dates = book.ds.snapshots.map((s) => s.asOf);
    const index = asOf === undefined ? dates.length - 1 : dates.indexOf(asOf);
    if (index < 0) throw new Error(`no snapshot dated ${asOf}`);
    return transferOf(book.ds, index);
  }),
  getScorecard: vi.fn(async () => scorecardState()),
  getScorecardVersion: vi.fn(async ({ version }: { version: number }) => {
    if (version !== 1) throw new Error(`no version ${version}`);
    return structuredClone(book.version1);
  }),
};

/** Stands in for `renderer/api/client`. */
export const clientModule = { api: fakeApi as unknown as Api, transport: 'http' as const };
