// @vitest-environment happy-dom
// Keyboard: focus moves to each new step, Escape closes (asking first when work would be lost) and
// focus returns to the Import button. Files dropped on the window open the import with them.

import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImportView, useWindowFileDrop } from '../../../../renderer/features/import';
import { analysisOf } from './fakeImportApi';
import { csvFile, freshImportEachTest, openMapping, renderImport } from './importHarness';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

freshImportEachTest(() => [analysisOf('accounts.csv', [['account_id', 'logins'], ['A1', '3']])]);

describe('keyboard', () => {
  it('focuses each step heading and closes with Escape at once when nothing would be lost', async () => {
    const user = renderImport();
    const button = screen.getByRole('button', { name: /Import/ });
    await user.click(button);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Choose the files to import' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('asks before Escape throws work away; "Keep working" keeps it, "Discard" closes', async () => {
    const user = renderImport();
    await openMapping(user);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'What each column means' }));

    await user.keyboard('{Escape}');
    const confirm = screen.getByRole('alertdialog', { name: 'Discard this import?' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep working' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(confirm.isConnected).toBe(false);
    expect(screen.getByRole('heading', { name: 'What each column means' })).toBeTruthy();

    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('labels every control of the columns step', async () => {
    const user = renderImport();
    await openMapping(user);
    const dialog = screen.getByRole('dialog', { name: 'Import spreadsheets' });
    for (const control of dialog.querySelectorAll('select, input, button')) {
      const name = control.getAttribute('aria-label') ?? control.closest('label')?.textContent ?? control.textContent;
      expect(name?.trim(), control.outerHTML).toBeTruthy();
    }
  });
});

function DropTarget() {
  useWindowFileDrop();
  return <ImportView />;
}

describe('dropping files on the window', () => {
  it('opens the import with the dropped files', async () => {
    userEvent.setup();
    render(<DropTarget />);
    const file = csvFile('dropped.csv');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer });
    });
    expect(screen.getByText('Drop files to import')).toBeTruthy();
    act(() => {
      fireEvent.drop(window, { dataTransfer });
    });
    expect(screen.queryByText('Drop files to import')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Import spreadsheets' })).toBeTruthy();
    expect(screen.getAllByTestId('chosen-file').map((li) => li.textContent)).toEqual([expect.stringContaining('dropped.csv')]);
  });
});
