// @vitest-environment happy-dom
// The accounts table: lazy paging, search, sorting, keyboard navigation, stale answers.

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backend } from './fakeApi';
import { cleanup, countText, emulateLayout, renderApp, renderAppWithRows, resetStores, scrollGridTo, visibleKeys } from './harness';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);

let restoreLayout: () => void;
beforeEach(() => {
  backend.reset();
  resetStores();
  restoreLayout = emulateLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
});

const ROW_HEIGHT = 32;

describe('accounts table', () => {
  it('fetches only the pages on screen and renders only the visible rows', async () => {
    await renderAppWithRows();
    expect(countText()).toBe('5,000 accounts');
    expect(backend.accountRequests()).toEqual([{ offset: 0, limit: 200, sort: { column: 'name', direction: 'asc' } }]);
    const order = backend.orderedKeys();
    const keys = visibleKeys();
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.length).toBeLessThan(60);
    expect(keys).toEqual(order.slice(0, keys.length));

    // Sorted by name first: "Acme Dynamics" (account #21) leads.
    const row = screen.getAllByTestId('account-row').find((r) => r.dataset.accountKey === 'ACC-00021')!;
    const cells = within(row).getAllByRole('gridcell').map((c) => c.textContent);
    // Account, ID, Segment, ARR, Status, Last snapshot, CSM assigned, Region, Plan, Seats
    expect(cells).toEqual(['Acme Dynamics', 'ACC-00021', 'Enterprise', '$68,600', 'Active', '2026-11-01', 'Yes', 'NA', 'Scale', '25']);

    scrollGridTo(1_000 * ROW_HEIGHT);
    await waitFor(() => expect(visibleKeys()).toContain(order[1_005]));
    const offsets = backend.accountRequests().map((r) => r.offset);
    expect(offsets).toContain(1_000);
    expect(offsets).not.toContain(2_000);
    expect(visibleKeys()).not.toContain(order[0]);
  });

  it('shows loading placeholders for rows whose page has not arrived', async () => {
    backend.latency = (request) => (request.offset === 0 ? 0 : 300);
    await renderAppWithRows();
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

    // Debounced: one request for the whole word, none for "H", "Ho", …
    const searches = backend.accountRequests().map((r) => r.search);
    expect(searches.filter((s) => s !== undefined)).toEqual(['Hooli']);
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

  it('sorts by ARR when the header is clicked, toggling ascending and descending', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    const byArr = backend.rows.filter((r) => r.arr !== null).sort((a, b) => a.arr! - b.arr!);
    const arrHeader = () => screen.getByTestId('sort-arr').closest('[role="columnheader"]')!;
    const nameHeader = () => screen.getByTestId('sort-name').closest('[role="columnheader"]')!;
    expect(nameHeader().getAttribute('aria-sort')).toBe('ascending');
    expect(arrHeader().getAttribute('aria-sort')).toBe('none');

    await user.click(screen.getByTestId('sort-arr'));
    await waitFor(() => expect(visibleKeys()[0]).toBe(byArr[0].key));
    expect(visibleKeys()[1]).toBe(byArr[1].key);
    expect(arrHeader().getAttribute('aria-sort')).toBe('ascending');
    expect(nameHeader().getAttribute('aria-sort')).toBe('none');
    expect(backend.accountRequests().at(-1)).toMatchObject({ offset: 0, sort: { column: 'arr', direction: 'asc' } });

    await user.click(screen.getByTestId('sort-arr'));
    await waitFor(() => expect(visibleKeys()[0]).toBe(byArr[byArr.length - 1].key));
    expect(arrHeader().getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByTestId('sort-name'));
    await waitFor(() => expect(arrHeader().getAttribute('aria-sort')).toBe('none'));
    expect(nameHeader().getAttribute('aria-sort')).toBe('ascending');
    await waitFor(() => expect(visibleKeys()[0]).toBe(backend.orderedKeys()[0]));
    await user.click(screen.getByTestId('sort-name'));
    await waitFor(() => expect(nameHeader().getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(visibleKeys()[0]).toBe(backend.orderedKeys({ sort: { column: 'name', direction: 'desc' } })[0]));
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
    const active = grid.querySelector('[aria-selected="true"]')!;
    expect(grid.getAttribute('aria-activedescendant')).toBe(active.id);
    await user.keyboard('{ArrowUp}');
    expect(selectedKey()).toBe(order[1]);

    await user.keyboard('{PageDown}');
    const pageRows = Math.floor((640 - 34) / ROW_HEIGHT) - 1;
    await waitFor(() => expect(selectedKey()).toBe(order[1 + pageRows]));

    await user.keyboard('{End}');
    await waitFor(() => expect(selectedKey()).toBe(order[4_999]));
    expect(backend.accountRequests().map((r) => r.offset)).toContain(4_800);

    await user.keyboard('{Home}');
    await waitFor(() => expect(selectedKey()).toBe(order[0]));
  });

  it('ignores an answer that arrives after the query changed', async () => {
    const user = userEvent.setup();
    backend.latency = (request) => (request.search === 'Labs' ? 400 : 0);
    await renderAppWithRows();
    const search = screen.getByLabelText('Search accounts');

    await user.type(search, 'Labs');
    await waitFor(() => expect(backend.accountRequests().some((r) => r.search === 'Labs')).toBe(true));
    await user.clear(search);
    await user.type(search, 'Hooli');
    await waitFor(() => expect(countText()).toBe('500 accounts'));

    // The slow "Labs" answer (715 accounts) lands now and must not replace the "Hooli" rows.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(countText()).toBe('500 accounts');
    expect(screen.getAllByTestId('account-row').every((row) => row.textContent?.includes('Hooli'))).toBe(true);
  });

  it('shows "Loading…" until the first page arrives', async () => {
    backend.latency = () => 200;
    renderApp();
    await waitFor(() => expect(screen.getAllByTestId('account-row-loading').length).toBeGreaterThan(0));
    expect(countText()).toBe('Loading…');
    await waitFor(() => expect(countText()).toBe('5,000 accounts'));
  });
});
