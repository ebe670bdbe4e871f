// @vitest-environment happy-dom
// An account's drawer (score, contributions adding up to it, why it is unscored, history over the
// snapshots) and "Biggest drops" filtered by band crossing, all against the engine.

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useScoringStore } from '../../../renderer/features/scoring/scoringStore';
import { backend } from './fakeApi';
import { SNAPSHOT_DATES } from './fakeDates';
import { workerLog } from './inProcessWorker';
import { renderAppWithRows, useAppTestSetup } from './harness';
import { engineFor } from './scoringExpectations';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);
vi.mock('../../../renderer/features/scoring/workerFactory', async () => (await import('./inProcessWorker')).workerFactoryModule);
vi.mock('../../../renderer/features/charts/EChart', async () => (await import('./chartStub')).chartStubModule);

useAppTestSetup();

async function openByKey(key: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Search accounts'), key);
  await waitFor(() => expect(screen.getAllByTestId('account-row').map((r) => r.dataset.accountKey)).toEqual([key]));
  await user.click(screen.getAllByTestId('account-row')[0]);
  return screen.findByTestId('account-drawer');
}

describe('account drawer', () => {
  it('shows the engine’s score, contributions that add up to it, and the score in every snapshot', async () => {
    await renderAppWithRows();
    const { current } = engineFor(backend.rows);
    const i = 20;
    const drawer = await openByKey('ACC-00021');
    await waitFor(() => expect(within(drawer).getByTestId('drawer-score').textContent).toBe(current.score[i].toFixed(1)));
    const contributions = within(drawer).getAllByTestId('contribution-row').map((r) => Number(r.dataset.contribution));
    expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(current.score[i], 6);
    expect(within(drawer).getByTestId('weighted-score').textContent).toBe(current.score[i].toFixed(1));

    // Every snapshot was fetched once and scored with the draft; the history chart says so.
    await waitFor(() => expect(within(drawer).getByTestId('history-chart')).toBeTruthy());
    const fetched = backend.api.getScoringData.mock.calls.map(([args]) => args.asOf);
    expect(new Set(fetched)).toEqual(new Set([undefined, ...SNAPSHOT_DATES.slice(0, 11)]));
    expect(workerLog.of('addSnapshot')).toHaveLength(10);
  });

  it('says why an account is unscored: below the minimum coverage, naming the missing metrics', async () => {
    // Every 7th account has no NPS; with NPS weighing 3 of 5 its coverage is 40% < 50%.
    const sc = backend.draft;
    backend.draft = { ...sc, metrics: sc.metrics.map((m) => (m.id === 'nps' ? { ...m, weight: 3 } : m)) };
    await renderAppWithRows();
    const drawer = await openByKey('ACC-00008');
    const reason = await within(drawer).findByTestId('unscored-reason');
    expect(reason.textContent).toBe('Coverage 40% is below the minimum of 50%. Missing: NPS.');
  });

  it('closes with its button', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    await openByKey('ACC-00021');
    await user.click(screen.getByRole('button', { name: 'Close account details' }));
    expect(screen.queryByTestId('account-drawer')).toBeNull();
  });
});

describe('biggest drops', () => {
  it('lists the accounts that fell from yellow to red since the previous snapshot, largest fall first', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    await waitFor(() => expect(useScoringStore.getState().previousAsOf).toBe(SNAPSHOT_DATES[10]));
    const { current, previous } = engineFor(backend.rows);
    const expected = Array.from(current.score.keys())
      .filter((i) => previous.band[i] === 1 && current.band[i] === 0 && current.score[i] < previous.score[i])
      .sort((a, b) => current.score[a] - previous.score[a] - (current.score[b] - previous.score[b]) || a - b)
      .slice(0, 50)
      .map((i) => backend.rows[i].key);
    expect(expected.length).toBeGreaterThan(3);

    await user.click(screen.getByRole('button', { name: 'Biggest drops' }));
    await user.selectOptions(screen.getByLabelText('Band crossing'), 'yellowToRed');
    const panel = screen.getByTestId('biggest-drops');
    await waitFor(() => expect(within(panel).getAllByTestId('drop-row').map((r) => r.dataset.accountKey)).toEqual(expected));

    await user.click(within(panel).getAllByTestId('drop-row')[0]);
    const drawer = await screen.findByTestId('account-drawer');
    await waitFor(() => expect(within(drawer).getByText(expected[0], { exact: false })).toBeTruthy());
  });
});
