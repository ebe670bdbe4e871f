// @vitest-environment happy-dom
// The workspace header: what the summary says, the mode hint, and the segment chips as a filter.

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backend } from './fakeApi';
import { cleanup, countText, emulateLayout, renderAppWithRows, resetStores, visibleKeys } from './harness';

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

describe('workspace header', () => {
  it('shows the name, demo badge, counts, ARR, snapshot range and segments from the summary', async () => {
    await renderAppWithRows();

    expect(screen.getByTestId('workspace-name').textContent).toBe('Acme Demo');
    expect(screen.getByTestId('demo-badge').textContent).toBe('Demo');
    expect(screen.getByTestId('account-count').textContent).toBe('5,000');
    // Every 16th account (i ≡ 3) churned: 313 of 5,000.
    expect(screen.getByTestId('churned-count').textContent).toContain('313');
    expect(screen.getByTestId('total-arr').textContent).toBe('$12.4M');
    expect(screen.getByTestId('snapshot-range').textContent).toBe('12 snapshots · 2025-12-01 → 2026-11-01');

    const chips = screen.getAllByTestId('segment-chip');
    expect(chips.map((c) => c.getAttribute('data-segment'))).toEqual(['SMB', 'Mid-Market', 'Enterprise']);
    expect(chips.map((c) => c.textContent)).toEqual(['SMB 2,500', 'Mid-Market 1,500', 'Enterprise 1,000']);
  });

  it('has no demo badge for an ordinary workspace', async () => {
    backend.summary = { ...backend.summary!, isDemo: false, name: 'Q3 review' };
    await renderAppWithRows();
    expect(screen.getByTestId('workspace-name').textContent).toBe('Q3 review');
    expect(screen.queryByTestId('demo-badge')).toBeNull();
  });

  it('shows the transport and version in the footer', async () => {
    backend.appInfo = { version: '9.8.7', mode: 'browser', startupMessage: null };
    await renderAppWithRows();
    const hint = screen.getByTestId('mode-hint');
    expect(hint.getAttribute('data-transport')).toBe('http');
    expect(hint.textContent).toContain('HTTP');
    expect(hint.textContent).toContain('v9.8.7');
  });

  it('filters the table by a segment chip, and clears the filter on a second click', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    expect(countText()).toBe('5,000 accounts');

    const enterprise = screen.getAllByTestId('segment-chip').find((c) => c.dataset.segment === 'Enterprise')!;
    await user.click(enterprise);

    await waitFor(() => expect(countText()).toBe('1,000 accounts'));
    expect(enterprise.getAttribute('aria-pressed')).toBe('true');
    expect(backend.accountRequests().at(-1)).toMatchObject({ offset: 0, segment: 'Enterprise' });
    await waitFor(() => expect(visibleKeys()[0]).toBe(backend.orderedKeys({ segment: 'Enterprise' })[0]));
    const table = screen.getByTestId('accounts-table');
    const segmentCells = within(table)
      .getAllByTestId('account-row')
      .map((row) => within(row).getAllByRole('gridcell')[2].textContent);
    expect(segmentCells.length).toBeGreaterThan(0);
    expect(new Set(segmentCells)).toEqual(new Set(['Enterprise']));

    await user.click(enterprise);
    await waitFor(() => expect(countText()).toBe('5,000 accounts'));
    expect(enterprise.getAttribute('aria-pressed')).toBe('false');
    expect(backend.accountRequests().at(-1)?.segment).toBeUndefined();
    expect(visibleKeys()[0]).toBe(backend.orderedKeys()[0]);
  });

  it('"All" clears a segment filter', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    await user.click(screen.getAllByTestId('segment-chip').find((c) => c.dataset.segment === 'SMB')!);
    await waitFor(() => expect(countText()).toBe('2,500 accounts'));
    await user.click(screen.getByTestId('segment-chip-all'));
    await waitFor(() => expect(countText()).toBe('5,000 accounts'));
  });
});
