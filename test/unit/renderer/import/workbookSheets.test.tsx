// @vitest-environment happy-dom
// Several sheets of one workbook in one import: another sheet is added as a sheet of its own (with
// its own kind and mapping), by keyboard, without uploading the file again; edits of the other sheets
// survive; the sheet can be removed again; going back to the files keeps the sheets chosen.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportSource } from '../../../../shared/api';
import { analysisOf, importBackend } from './fakeImportApi';
import { continueButton, freshImportEachTest, openMapping, renderImport, type User } from './importHarness';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

const SHEETS: Record<string, string[][]> = {
  Accounts: [
    ['account_id', 'plan', 'arr'],
    ['A1', 'Pro', '1000'],
    ['A2', 'Basic', '2000'],
  ],
  Snapshots: [
    ['account_id', 'snapshot_date', 'logins'],
    ['A1', '2024-05-01', '5'],
    ['A1', '2024-06-01', '7'],
    ['A2', '2024-05-01', '2'],
  ],
  Notes: [['note'], ['read me']],
};

/** Answers each source with the sheet it asks for, as the Node side would. */
function workbookAnalyses(sources: ImportSource[]) {
  return sources.map((source) => {
    const sheet = source.sheet ?? 'Accounts';
    return analysisOf('book.xlsx', SHEETS[sheet], { sheetNames: Object.keys(SHEETS), source: { ...source }, encoding: null, delimiter: null });
  });
}

const workbook = () => new File(['xlsx bytes'], 'book.xlsx', { lastModified: 1 });

async function pressOn(user: User, element: HTMLElement, key: string) {
  element.focus();
  await user.keyboard(key);
}

freshImportEachTest(() => workbookAnalyses);

describe('another sheet of the same workbook', () => {
  it('is added as a sheet of its own by keyboard, keeps the other sheet’s edits, and both mappings are sent', async () => {
    const user = renderImport();
    await openMapping(user, [workbook()]);
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    // An edit on the first sheet that the re-analysis must not lose.
    await user.selectOptions(screen.getByLabelText('Role of “plan”'), 'ignore');

    const another = screen.getByRole('combobox', { name: 'Another sheet of this workbook' }) as HTMLSelectElement;
    expect([...another.options].map((o) => o.value)).toEqual(['Snapshots', 'Notes']);
    await user.selectOptions(another, 'Snapshots');
    await pressOn(user, screen.getByRole('button', { name: 'Add sheet “Snapshots”' }), '{Enter}');

    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(2));
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['book.xlsx · AccountsReady', 'book.xlsx · SnapshotsReady']);
    // The added sheet is shown, with its own columns and kind.
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('columnheader', { name: 'snapshot_date' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'This sheet holds' }) as HTMLSelectElement).value).toBe('snapshots');

    const [first, second] = importBackend.api.startImportAnalysis.mock.calls.map(([args]) => args.sources);
    expect(first).toEqual([{ fileName: 'book.xlsx', uploadId: expect.any(String) }]);
    expect(second).toEqual([
      { ...first[0], sheet: 'Accounts' },
      { ...first[0], sheet: 'Snapshots' },
    ]);
    expect(importBackend.api.uploadImportChunk).toHaveBeenCalledTimes(1);

    // Only Notes is left to add, on either sheet; the sheet picker offers no sheet twice.
    expect([...(screen.getByRole('combobox', { name: 'Another sheet of this workbook' }) as HTMLSelectElement).options].map((o) => o.value)).toEqual(['Notes']);
    expect([...(screen.getByRole('combobox', { name: 'Sheet' }) as HTMLSelectElement).options].map((o) => o.value)).toEqual(['Snapshots', 'Notes']);

    await user.click(tabs[0]);
    expect((screen.getByLabelText('Role of “plan”') as HTMLSelectElement).value).toBe('ignore');

    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalled());
    const secondJob = (await importBackend.api.startImportAnalysis.mock.results[1].value).jobId;
    expect(importBackend.api.startImport.mock.calls[0][0].analysisJobId).toBe(secondJob);
    const [accounts, snapshots] = importBackend.sentMappings();
    expect(accounts.kind).toBe('accounts');
    expect(accounts.columns.find((c) => c.header === 'plan')?.role).toBe('ignore');
    expect(snapshots.kind).toBe('snapshots');
    expect(snapshots.columns.map((c) => c.role)).toEqual(['accountId', 'snapshotDate', 'metric']);
  });

  it('is removed again by keyboard; the workbook’s other sheet stays with its edits', async () => {
    const user = renderImport();
    await openMapping(user, [workbook()]);
    await user.selectOptions(screen.getByLabelText('Role of “plan”'), 'ignore');
    expect(screen.queryByRole('button', { name: /^Remove sheet/ })).toBeNull(); // the only sheet of its workbook
    await user.selectOptions(screen.getByRole('combobox', { name: 'Another sheet of this workbook' }), 'Notes');
    await user.click(screen.getByRole('button', { name: 'Add sheet “Notes”' }));
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(2));

    await pressOn(user, screen.getByRole('button', { name: 'Remove sheet “Notes” from the import' }), ' ');
    await waitFor(() => expect(screen.queryAllByRole('tab')).toHaveLength(0));
    const sources = importBackend.api.startImportAnalysis.mock.calls.at(-1)![0].sources;
    expect(sources).toEqual([{ fileName: 'book.xlsx', uploadId: expect.any(String), sheet: 'Accounts' }]);
    expect(within(screen.getByTestId('sheet-editor')).getByRole('columnheader', { name: 'plan' })).toBeTruthy();
    expect((screen.getByLabelText('Role of “plan”') as HTMLSelectElement).value).toBe('ignore');

    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalled());
    expect(importBackend.sentMappings().map((m) => m.kind)).toEqual(['accounts']);
  });

  it('stays in the import when the user goes back to add a file', async () => {
    const user = renderImport();
    await openMapping(user, [workbook()]);
    await user.click(screen.getByRole('button', { name: 'Add sheet “Snapshots”' }));
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: /^Analyse/ }));
    await screen.findByRole('heading', { name: 'What each column means' });
    await waitFor(() => expect(importBackend.api.startImportAnalysis).toHaveBeenCalledTimes(3));
    const sheets = importBackend.api.startImportAnalysis.mock.calls[2][0].sources.map((s) => s.sheet);
    expect(sheets).toEqual(['Accounts', 'Snapshots']);
    expect(screen.getAllByRole('tab')).toHaveLength(2);
  });
});
