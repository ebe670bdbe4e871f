// @vitest-environment happy-dom
// Opening, creating and switching workspaces; api errors in the banner; the no-workspace state.

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, backend } from './fakeApi';
import { accountQueries, countText, renderApp, renderAppWithRows, useAppTestSetup } from './harness';
import { workerLog } from './inProcessWorker';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);
vi.mock('../../../renderer/features/scoring/workerFactory', async () => (await import('./inProcessWorker')).workerFactoryModule);
vi.mock('../../../renderer/features/charts/EChart', async () => (await import('./chartStub')).chartStubModule);

useAppTestSetup();

async function chooseMenuItem(user: ReturnType<typeof userEvent.setup>, name: string | RegExp) {
  await user.click(screen.getByRole('button', { name: 'Workspace' }));
  const menu = await screen.findByRole('menu');
  await user.click(within(menu).getByRole('menuitem', { name }));
}

describe('api errors', () => {
  it('shows a failed open in a dismissible alert and keeps the current workspace working', async () => {
    const user = userEvent.setup();
    backend.fail('openWorkspace', new ApiError('not_found', 'No workspace file at /nope.hsw'));
    await renderAppWithRows();

    await chooseMenuItem(user, 'Open workspace…');
    const dialog = screen.getByRole('dialog', { name: 'Open workspace' });
    await user.type(within(dialog).getByLabelText('File path'), '/nope.hsw');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No workspace file at /nope.hsw');
    expect(alert.getAttribute('data-error-code')).toBe('not_found');
    expect(backend.api.openWorkspace).toHaveBeenCalledWith({ path: '/nope.hsw' });
    // The dialog stays for a corrected path; the workspace behind it is unchanged.
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByTestId('workspace-name').textContent).toBe('Acme Demo');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss error' }));
    expect(screen.queryByRole('alert')).toBeNull();

    // Still working: sorting goes on as before.
    await user.click(screen.getByTestId('sort-key'));
    await waitFor(() => expect(accountQueries().at(-1)?.sort).toEqual({ column: 'key', direction: 'asc' }));
  });

  it('shows a failed page load and loads it again on retry', async () => {
    const user = userEvent.setup();
    workerLog.failOnce.set('queryAccounts', 'The scoring worker ran out of memory');
    renderApp();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Loading accounts failed');
    expect(alert.textContent).toContain('ran out of memory');
    expect(screen.queryAllByTestId('account-row')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Retry loading rows' }));
    await screen.findAllByTestId('account-row');
    expect(countText()).toBe('5,000 accounts');
  });
});

describe('no workspace open', () => {
  it('explains why and opens the demo from the empty state', async () => {
    const user = userEvent.setup();
    backend.reset({ summary: false });
    backend.appInfo = {
      version: '0.1.0',
      mode: 'browser',
      startupMessage: 'The default workspace was refused: file is not a database.',
    };
    renderApp();

    const empty = await screen.findByTestId('empty-workspace');
    expect(within(empty).getByTestId('startup-message').textContent).toBe(
      'The default workspace was refused: file is not a database.',
    );
    expect(screen.queryByTestId('accounts-table')).toBeNull();

    await user.click(within(empty).getByRole('button', { name: 'Open demo workspace' }));
    await screen.findAllByTestId('account-row');
    expect(backend.api.openDemoWorkspace).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('workspace-name').textContent).toBe('Acme Demo');
    expect(screen.queryByTestId('empty-workspace')).toBeNull();
  });

  it('shows the empty state (and the error) when the summary cannot be read', async () => {
    backend.fail('getWorkspaceSummary', new ApiError('internal', 'The workbench host is not reachable'));
    renderApp();
    await screen.findByTestId('empty-workspace');
    expect((await screen.findByRole('alert')).textContent).toContain('not reachable');
  });
});

describe('workspace menu', () => {
  it('lists recent workspaces, marks missing files, and opens one', async () => {
    const user = userEvent.setup();
    backend.recent = [
      { path: '/data/demo.hsw', name: 'Acme Demo', openedAt: '2026-01-02T10:00:00Z', exists: true },
      { path: '/work/q3.hsw', name: 'Q3 review', openedAt: '2026-01-01T10:00:00Z', exists: true },
      { path: '/gone/old.hsw', name: 'Old pilot', openedAt: '2025-06-01T10:00:00Z', exists: false },
    ];
    await renderAppWithRows();

    await user.click(screen.getByRole('button', { name: 'Workspace' }));
    const menu = await screen.findByRole('menu');
    const missing = within(menu).getByRole('menuitem', { name: /Old pilot/ }) as HTMLButtonElement;
    expect(missing.textContent).toContain('File missing');
    expect(missing.disabled).toBe(true);

    await user.click(within(menu).getByRole('menuitem', { name: /Q3 review/ }));
    await waitFor(() => expect(screen.getByTestId('workspace-name').textContent).toBe('Q3 review'));
    expect(backend.api.openWorkspace).toHaveBeenCalledWith({ path: '/work/q3.hsw' });
    expect(screen.queryByTestId('demo-badge')).toBeNull();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('creates a workspace from the "New workspace…" dialog', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();

    await chooseMenuItem(user, 'New workspace…');
    const dialog = screen.getByRole('dialog', { name: 'New workspace' });
    await user.type(within(dialog).getByLabelText('File path'), '/work/fy26.hsw');
    await user.type(within(dialog).getByLabelText('Name (optional)'), 'FY26 scorecards');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.getByTestId('workspace-name').textContent).toBe('FY26 scorecards'));
    expect(backend.api.createWorkspace).toHaveBeenCalledWith({ path: '/work/fy26.hsw', name: 'FY26 scorecards' });
    expect(screen.queryByRole('dialog')).toBeNull();
    // The new, empty workspace has nothing to score and says so instead of showing a table.
    await screen.findByText(/no snapshots to score yet/);
    expect(screen.queryByTestId('accounts-table')).toBeNull();
  });

  it('closes the menu with Escape and returns focus to its button', async () => {
    const user = userEvent.setup();
    await renderAppWithRows();
    const button = screen.getByRole('button', { name: 'Workspace' });
    await user.click(button);
    await screen.findByRole('menu');
    expect(document.activeElement?.getAttribute('role')).toBe('menuitem');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
