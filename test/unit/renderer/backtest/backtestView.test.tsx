// @vitest-environment happy-dom
// The whole panel with its workers running in process over the seeded demo book: the numbers on
// screen are the CLI's, the controls re-ask, the what-if compares on the same accounts, and
// "Apply as draft" hands back a scorecard and keeps the old draft as the baseline.

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBacktest } from '../../../../shared/backtest/backtest';
import { bootstrapAuc } from '../../../../shared/backtest/bootstrap';
import { scoredAccountsOf } from '../../../../shared/backtestBridge';
import { isoToEpochDay } from '../../../../shared/dates';
import { effectiveWeights } from '../../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../../shared/scorecard/types';
import { scoringDataFromDataset } from '../../../../shared/scoring/data';
import { ScoringEngine } from '../../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../../shared/scoring/matrix';
import { BacktestView } from '../../../../renderer/features/backtest';
import { setWorkerFactory, stopAllWorkers } from '../../../../renderer/features/backtest/workers';
import { book } from './fakeBacktestApi';
import { transferOf } from './demoSession';
import { inProcessWorker } from './workerDoubles';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeBacktestApi')).clientModule);
// happy-dom has no canvas: the charts render as their labelled boxes.
vi.mock('../../../../renderer/features/charts/EChart', () => ({
  EChart: ({ ariaLabel, testId }: { ariaLabel: string; testId?: string }) => <div role="img" aria-label={ariaLabel} data-testid={testId} />,
}));

beforeAll(() => setWorkerFactory(inProcessWorker));
afterEach(cleanup);
afterAll(stopAllWorkers);

function cli(sc: Scorecard, asOf: string, horizonDays: number) {
  const index = book.ds.snapshots.findIndex((s) => s.asOf === asOf);
  const engine = new ScoringEngine(sc, buildSubScoreMatrix(sc, scoringDataFromDataset(book.ds, index)), { applyOverrides: false });
  const accounts = scoredAccountsOf(engine);
  const t = transferOf(book.ds, index);
  const result = runBacktest(accounts, { churnDay: t.churnDay, churnedUndated: t.churnUndated }, { asOfDay: isoToEpochDay(asOf), horizonDays });
  return { accounts, result };
}

let key = 0;
function renderPanel(onApplyDraft = vi.fn()) {
  const view = render(<BacktestView scorecard={book.draft} onApplyDraft={onApplyDraft} workspaceKey={`book-${++key}`} />);
  return { ...view, onApplyDraft };
}

const aucShown = () => screen.getByTestId('backtest-auc');

describe('BacktestView', () => {
  it('shows the CLI’s AUC and interval for the default as-of date, with honest warnings', async () => {
    renderPanel();
    await waitFor(() => expect(aucShown().dataset.auc).not.toBe(undefined), { timeout: 10_000 });
    const asOf = (screen.getByTestId('backtest-as-of') as HTMLSelectElement).value;
    expect(asOf).toBe('2026-08-01');
    const expected = cli(book.draft, asOf, 90);
    expect(Number(aucShown().dataset.auc)).toBe(expected.result.auc.auc);
    expect(aucShown().textContent).toBe(expected.result.auc.auc.toFixed(3));
    const ci = bootstrapAuc(expected.accounts.score, expected.result.y, { seed: 1, resamples: 1000 });
    await waitFor(() => expect(screen.getByTestId('backtest-auc-ci').textContent).toBe(`95% CI ${ci.lo.toFixed(3)}–${ci.hi.toFixed(3)}`), { timeout: 10_000 });
    // 300 accounts: the segments have few churned accounts and say so beside their numbers.
    const segments = within(screen.getByTestId('backtest-segments'));
    const small = expected.result.segmentAuc.filter((s) => s.auc.churned > 0 && s.auc.churned < 30);
    expect(small.length).toBeGreaterThan(0);
    expect(segments.getAllByTestId('not-reliable').length).toBeGreaterThanOrEqual(small.length);
    const bandRows = within(screen.getByTestId('backtest-band-table')).getAllByRole('row');
    expect(bandRows[1].textContent).toContain(String(expected.result.bands.overall.rows[0].accounts));
  });

  it('moves T with the horizon until T is chosen, and follows both', async () => {
    renderPanel();
    await waitFor(() => expect(aucShown().dataset.auc).toBeTruthy(), { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: '180 d' }));
    await waitFor(() => expect((screen.getByTestId('backtest-as-of') as HTMLSelectElement).value).toBe('2026-05-01'));
    await waitFor(() => expect(Number(aucShown().dataset.auc)).toBe(cli(book.draft, '2026-05-01', 180).result.auc.auc), { timeout: 10_000 });
    fireEvent.change(screen.getByTestId('backtest-as-of'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: '60 d' }));
    await waitFor(() => expect(Number(aucShown().dataset.auc)).toBe(cli(book.draft, '2026-03-01', 60).result.auc.auc), { timeout: 10_000 });
  });

  it('takes a custom horizon and shows one segment on request', async () => {
    renderPanel();
    await waitFor(() => expect(aucShown().dataset.auc).toBeTruthy(), { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    const days = screen.getByLabelText('Custom horizon in days');
    fireEvent.change(days, { target: { value: '45' } });
    fireEvent.submit(days.closest('form')!);
    // T not chosen yet: it moves to the latest snapshot whose 45 days fit (Sep 1 + 45 d ≤ Nov 1).
    await waitFor(() => expect(Number(aucShown().dataset.auc)).toBe(cli(book.draft, '2026-09-01', 45).result.auc.auc), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: '45 d' }).getAttribute('aria-pressed')).toBe('true');

    const expected = cli(book.draft, '2026-09-01', 45).result.segmentAuc.find((s) => s.auc.churned > 0)!;
    const view = screen.getByTestId('backtest-view') as HTMLSelectElement;
    const option = within(view).getByRole('option', { name: expected.segment }) as HTMLOptionElement;
    fireEvent.change(view, { target: { value: option.value } });
    await waitFor(() => expect(screen.getByTestId('backtest-roc').getAttribute('aria-label')).toContain(`ROC curve of ${expected.segment}`), { timeout: 10_000 });
    expect(Number(aucShown().dataset.auc)).toBe(expected.auc.auc);
  });

  it('compares with a saved version and lists the accounts of a transition cell', async () => {
    renderPanel();
    await waitFor(() => expect(aucShown().dataset.auc).toBeTruthy(), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Version 1 — Logins first' })).toBeTruthy());
    fireEvent.change(screen.getByTestId('backtest-baseline'), { target: { value: 'version:1' } });
    const delta = await screen.findByTestId('backtest-delta-auc', {}, { timeout: 10_000 });
    const draft = cli(book.draft, '2026-08-01', 90).result.auc.auc;
    const base = cli(book.version1, '2026-08-01', 90).result.auc.auc;
    await waitFor(() => expect(Number(delta.dataset.delta)).toBeCloseTo(draft - base, 12), { timeout: 10_000 });
    const cells = within(screen.getByTestId('backtest-transitions')).getAllByRole('button');
    const moved = cells.find((c) => !c.closest('td')!.classList.contains('backtest-matrix__same'))!;
    expect(moved).toBeTruthy();
    const count = Number(moved.querySelector('.backtest-matrix__count')!.textContent!.replace(/,/g, ''));
    fireEvent.click(moved);
    const list = await screen.findByTestId('transition-accounts');
    await waitFor(() => expect(within(list).getAllByRole('row').length - 1).toBe(Math.min(count, 200)));
    expect(list.textContent).toMatch(new RegExp(`^${count} accounts`));
  });

  it('applies suggested weights as the draft and keeps the previous draft as the baseline', async () => {
    const { onApplyDraft } = renderPanel();
    await waitFor(() => expect(aucShown().dataset.auc).toBeTruthy(), { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('suggest-run'));
    const cards = await screen.findAllByTestId('suggestion', {}, { timeout: 20_000 });
    const usable = cards.find((c) => !(within(c).getByRole('button', { name: 'Apply as draft' }) as HTMLButtonElement).disabled)!;
    expect(usable).toBeTruthy();
    fireEvent.click(within(usable).getByRole('button', { name: 'Apply as draft' }));
    expect(onApplyDraft).toHaveBeenCalledTimes(1);
    const applied = onApplyDraft.mock.calls[0][0] as Scorecard;
    const k = [...applied.segments.map((s) => s.label), applied.defaultSegment.label].indexOf(usable.dataset.segment!);
    const shown = within(usable).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[1].textContent);
    expect(effectiveWeights(applied, k).map((w) => `${(100 * w).toFixed(1)}%`)).toEqual(shown);
    expect((screen.getByTestId('backtest-baseline') as HTMLSelectElement).selectedOptions[0].textContent).toBe(`Draft before suggested weights (${usable.dataset.segment})`);
  });
});
