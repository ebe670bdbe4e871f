// @vitest-environment happy-dom
// The workspace header: what the summary says, the mode hint, and the views under it.

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { backend } from './fakeApi';
import { countText, renderAppWithRows, useAppTestSetup } from './harness';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);
vi.mock('../../../renderer/features/scoring/workerFactory', async () => (await import('./inProcessWorker')).workerFactoryModule);
vi.mock('../../../renderer/features/charts/EChart', async () => (await import('./chartStub')).chartStubModule);

useAppTestSetup();

describe('workspace header', () => {
  it('shows the name, demo badge, counts, ARR and snapshot range from the summary', async () => {
    await renderAppWithRows();

    expect(screen.getByTestId('workspace-name').textContent).toBe('Acme Demo');
    expect(screen.getByTestId('demo-badge').textContent).toBe('Demo');
    expect(screen.getByTestId('account-count').textContent).toBe('5,000');
    // Every 16th account (i ≡ 3) churned: 313 of 5,000.
    expect(screen.getByTestId('churned-count').textContent).toContain('313');
    expect(screen.getByTestId('total-arr').textContent).toBe('$12.4M');
    expect(screen.getByTestId('snapshot-range').textContent).toBe('12 snapshots · 2025-12-01 → 2026-11-01');
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

  it('switches between the designer and the accounts with the view tabs (arrow keys too)', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    const designerTab = screen.getByRole('tab', { name: 'Designer' });
    const accountsTab = screen.getByRole('tab', { name: 'Accounts' });
    expect(accountsTab.getAttribute('aria-selected')).toBe('true');

    await user.click(designerTab);
    await screen.findByTestId('designer');
    expect(screen.queryByTestId('accounts-table')).toBeNull();
    expect(designerTab.getAttribute('aria-selected')).toBe('true');

    designerTab.focus();
    await user.keyboard('{ArrowRight}');
    await screen.findByTestId('accounts-table');
    expect(document.activeElement).toBe(accountsTab);
    expect(countText()).toBe('5,000 accounts');
  });
});
