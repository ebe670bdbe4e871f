// @vitest-environment happy-dom
// The scored accounts table: lazy pages from the scoring worker, scores matching the engine,
// search, band and segment filters, sorting, keyboard navigation, stale answers.

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { backend } from './fakeApi';
import { workerLog } from './inProcessWorker';
import { accountQueries, countText, renderApp, renderAppWithRows, scrollGridTo, useAppTestSetup, visibleKeys } from './harness';
import { formatChange } from '../../../renderer/features/accounts/columns';
import { engineFor } from './scoringExpectations';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);
vi.mock('../../../renderer/features/scoring/workerFactory', async () => (await import('./inProcessWorker')).workerFactoryModule);
vi.mock('../../../renderer/features/charts/EChart', async () => (await import('./chartStub')).chartStubModule);

useAppTestSetup();

const ROW_HEIGHT = 32;

function cellsOf(key: string): string[] {
  const row = screen.getAllByTestId('account-row').find((r) => r.dataset.accountKey === key)!;
  return within(row).getAllByRole('gridcell').map((c) => c.textContent ?? '');
}

describe('scored accounts table', () => {
  it('fetches only the pages on screen, renders only visible rows, and shows the engine’s scores', async () => {
    await renderAppWithRows();
    expect(countText()).toBe('5,000 accounts');
    expect(accountQueries()[0]).toMatchObject({ offset: 0, limit: 200, sort: { column: 'name', direction: 'asc' } });
    const order = backend.orderedKeys();
    const keys = visibleKeys();
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.length).toBeLessThan(60);
    expect(keys).toEqual(order.slice(0, keys.length));

    // "Acme Dynamics" (account #21, index 20) leads by name; its score is what the engine computes.
    const { current, previous } = engineFor(backend.rows);
    const i = 20;
    const change = current.score[i] - previous.score[i];
    // Account, ID, Segment, Score, Band, Change, Coverage, ARR, Status
    expect(cellsOf('ACC-00021')).toEqual([
      'Acme Dynamics',
      'ACC-00021',
      'Enterprise',
      current.score[i].toFixed(1),
      ['Red', 'Yellow', 'Green'][current.band[i]],
      formatChange(change),
      `${Math.round(current.coverageOf(i) * 100)}%`,
      '$68,600',
      'Active',
    ]);

    scrollGridTo(1_000 * ROW_HEIGHT);
    await waitFor(() => expect(visibleKeys()).toContain(order[1_005]));
    const offsets = accountQueries().map((q) => q.offset);
    expect(offsets).toContain(1_000);
    expect(offsets).not.toContain(2_000);
    expect(visibleKeys()).not.toContain(order[0]);
  });

  it('shows loading placeholders for rows whose page has not arrived', async () => {
    await renderAppWithRows();
    workerLog.latency = (r) => (r.method === 'queryAccounts' && r.args.offset > 0 ? 300 : 0);
    scrollGridTo(2_500 * ROW_HEIGHT);
    await waitFor(() => expect(screen.getAllByTestId('account-row-loading').length).toBeGreaterThan(5));
    await waitFor(() => expect(visibleKeys()).toContain(backend.orderedKeys()[2_505]));
    expect(screen.queryAllByTestId('account-row-loading')).toHaveLength(0);
  });

  it('searches by name or id after a pause in typing and updates the count', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    await user.type(screen.getByLabelText('Search accounts'), 'Hooli');
    await waitFor(() => expect(countText()).toBe('500 accounts'));
    // Debounced: one query for the whole word, none for "H", "Ho", …
    expect(accountQueries().map((q) => q.search).filter((s) => s !== '')).toEqual(['Hooli']);
    const names = screen.getAllByTestId('account-row').map((row) => within(row).getAllByRole('gridcell')[0].textContent);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n?.startsWith('Hooli'))).toBe(true);

    await user.clear(screen.getByLabelText('Search accounts'));
    await user.type(screen.getByLabelText('Search accounts'), 'acc-0004');
    await waitFor(() => expect(countText()).toBe('10 accounts'));
    expect(visibleKeys().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `ACC-0004${i}`));
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    await user.type(screen.getByLabelText('Search accounts'), 'zzz');
    await waitFor(() => expect(countText()).toBe('0 accounts'));
    expect(screen.getByTestId('accounts-table').textContent).toContain('No accounts match “zzz”');
  });

  it('filters by band and by segment, counting what the engine counts', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    const { current } = engineFor(backend.rows);
    const reds = Array.from(current.band).filter((b) => b === 0).length;
    expect(reds).toBeGreaterThan(0);

    await user.click(screen.getByTestId('band-filter-red'));
    await waitFor(() => expect(countText()).toBe(`${reds.toLocaleString('en-US')} accounts`));
    const bands = screen.getAllByTestId('account-row').map((row) => within(row).getAllByRole('gridcell')[4].textContent);
    expect(new Set(bands)).toEqual(new Set(['Red']));

    await user.click(screen.getByTestId('band-filter-red'));
    await user.selectOptions(screen.getByLabelText('Filter by segment'), 'enterprise');
    await waitFor(() => expect(countText()).toBe('1,000 accounts'));
    const segments = screen.getAllByTestId('account-row').map((row) => within(row).getAllByRole('gridcell')[2].textContent);
    expect(new Set(segments)).toEqual(new Set(['Enterprise']));
  });

  it('sorts by score (highest first, then lowest) and by ARR', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    const { current } = engineFor(backend.rows);
    const scored = backend.rows.map((r, i) => ({ key: r.key, score: current.score[i] })).filter((r) => r.score === r.score);
    const top = Math.max(...scored.map((r) => r.score));
    const bottom = Math.min(...scored.map((r) => r.score));
    const scoreHeader = () => screen.getByTestId('sort-score').closest('[role="columnheader"]')!;

    await user.click(screen.getByTestId('sort-score'));
    await waitFor(() => expect(scoreHeader().getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(cellsOf(visibleKeys()[0])[3]).toBe(top.toFixed(1)));
    await user.click(screen.getByTestId('sort-score'));
    await waitFor(() => expect(scoreHeader().getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => expect(cellsOf(visibleKeys()[0])[3]).toBe(bottom.toFixed(1)));

    const byArr = backend.rows.filter((r) => r.arr !== null).sort((a, b) => b.arr! - a.arr!);
    await user.click(screen.getByTestId('sort-arr'));
    await waitFor(() => expect(visibleKeys()[0]).toBe(byArr[0].key));
    expect(accountQueries().at(-1)).toMatchObject({ offset: 0, sort: { column: 'arr', direction: 'desc' } });
  });

  it('moves the highlighted row with the keyboard and fetches the last page on End', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    const grid = screen.getByTestId('accounts-table');
    const selectedKey = () => grid.querySelector('[aria-selected="true"]')?.getAttribute('data-account-key');
    const order = backend.orderedKeys();

    grid.focus();
    await waitFor(() => expect(selectedKey()).toBe(order[0]));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selectedKey()).toBe(order[2]);
    expect(grid.getAttribute('aria-activedescendant')).toBe(grid.querySelector('[aria-selected="true"]')!.id);
    await user.keyboard('{ArrowUp}');
    expect(selectedKey()).toBe(order[1]);
    await user.keyboard('{PageDown}');
    const pageRows = Math.floor((640 - 34) / ROW_HEIGHT) - 1;
    await waitFor(() => expect(selectedKey()).toBe(order[1 + pageRows]));
    await user.keyboard('{End}');
    await waitFor(() => expect(selectedKey()).toBe(order[4_999]));
    expect(accountQueries().map((q) => q.offset)).toContain(4_800);
    await user.keyboard('{Home}');
    await waitFor(() => expect(selectedKey()).toBe(order[0]));
  });

  it('ignores an answer that arrives after the query changed', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    workerLog.latency = (r) => (r.method === 'queryAccounts' && r.args.search === 'Labs' ? 400 : 0);
    const search = screen.getByLabelText('Search accounts');
    await user.type(search, 'Labs');
    await waitFor(() => expect(accountQueries().some((q) => q.search === 'Labs')).toBe(true));
    await user.clear(search);
    await user.type(search, 'Hooli');
    await waitFor(() => expect(countText()).toBe('500 accounts'));
    // The slow "Labs" answer lands now and must not replace the "Hooli" rows.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(countText()).toBe('500 accounts');
    expect(screen.getAllByTestId('account-row').every((row) => row.textContent?.includes('Hooli'))).toBe(true);
  });

  it('shows "Loading…" until the first page arrives', async () => {
    workerLog.latency = (r) => (r.method === 'queryAccounts' ? 200 : 0);
    renderApp();
    await waitFor(() => expect(screen.getAllByTestId('account-row-loading').length).toBeGreaterThan(0));
    expect(countText()).toBe('Loading…');
    await waitFor(() => expect(countText()).toBe('5,000 accounts'));
  });
});
