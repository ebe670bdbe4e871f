// @vitest-environment happy-dom
// The columns step: questions that block Continue, saved mappings, the one-account-id rule, and the
// mapping that reaches startImport.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analysisOf, importBackend } from './fakeImportApi';
import { continueButton, freshImportEachTest, openMapping, renderImport } from './importHarness';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

const SIGNUPS = [
  ['account_id', 'Signup', 'logins', 'plan'],
  ['A1', '03/04/2024', '5', 'Pro'],
  ['A2', '05/06/2024', '7', 'Basic'],
  ['A3', '01/02/2023', '2', 'Pro'],
];

freshImportEachTest();

describe('an ambiguous date order', () => {
  it('is asked with both readings, blocks Continue until answered, and the answer is sent', async () => {
    importBackend.analyses = [analysisOf('accounts.csv', SIGNUPS)];
    const user = renderImport();
    await openMapping(user);

    const question = screen.getByRole('group', { name: /Dates in “Signup” could be month\/day or day\/month/ });
    expect(question.textContent).toContain('03/04/2024 = 3 April 2024 or 4 March 2024?');
    expect(continueButton().disabled).toBe(true);
    expect(screen.getByTestId('mapping-status').textContent).toBe('Answer 1 question before importing.');

    await user.click(within(question).getByRole('radio', { name: /Day\/month — 03\/04\/2024 is 3 April 2024/ }));
    expect(continueButton().disabled).toBe(false);
    expect(screen.getByTestId('mapping-status').textContent).toBe('');

    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalledTimes(1));
    const [mapping] = importBackend.sentMappings();
    expect(mapping.kind).toBe('accounts');
    expect(mapping.columns.find((c) => c.header === 'Signup')).toEqual({ header: 'Signup', role: 'attribute', type: 'date', dateOrder: 'dmy' });
    expect(importBackend.api.startImport.mock.calls[0][0].analysisJobId).toMatch(/^analysis-/);
  });

  it('is no longer asked when the column is ignored', async () => {
    importBackend.analyses = [analysisOf('accounts.csv', SIGNUPS)];
    const user = renderImport();
    await openMapping(user);

    await user.selectOptions(screen.getByLabelText('Role of “Signup”'), 'ignore');
    expect(screen.queryByRole('group', { name: /Dates in “Signup”/ })).toBeNull();
    expect(continueButton().disabled).toBe(false);
  });
});

describe('a saved mapping', () => {
  it('pre-fills the roles and says so; the suggestion can be taken instead', async () => {
    const table = [
      ['Account ID', 'Plan', 'Seats'],
      ['A1', 'Pro', '5'],
      ['A2', 'Basic', '9'],
    ];
    const savedMapping = {
      kind: 'accounts' as const,
      columns: [
        { header: 'Account ID', role: 'accountId' as const, type: 'text' as const },
        { header: 'Plan', role: 'ignore' as const, type: 'text' as const },
        { header: 'Seats', role: 'attribute' as const, type: 'number' as const },
      ],
    };
    importBackend.analyses = [analysisOf('accounts.csv', table, { savedMapping })];
    const user = renderImport();
    await openMapping(user);

    expect(screen.getByTestId('saved-mapping-note').textContent).toContain('Using the mapping saved for these columns');
    expect((screen.getByLabelText('Role of “Plan”') as HTMLSelectElement).value).toBe('ignore');
    expect((screen.getByLabelText('Role of “Seats”') as HTMLSelectElement).value).toBe('attribute');

    await user.click(screen.getByRole('button', { name: 'Use the suggested mapping instead' }));
    expect((screen.getByLabelText('Role of “Plan”') as HTMLSelectElement).value).toBe('attribute');
    expect((screen.getByLabelText('Role of “Seats”') as HTMLSelectElement).value).toBe('metric');
    expect(screen.queryByTestId('saved-mapping-note')).toBeNull();
  });
});

describe('the account id', () => {
  it('must be exactly one column per sheet', async () => {
    importBackend.analyses = [analysisOf('accounts.csv', SIGNUPS)];
    const user = renderImport();
    await openMapping(user);
    await user.selectOptions(screen.getByLabelText('Role of “Signup”'), 'ignore');
    expect(continueButton().disabled).toBe(false);

    await user.selectOptions(screen.getByLabelText('Role of “plan”'), 'accountId');
    expect(screen.getByTestId('mapping-problems').textContent).toContain('Only one column can be the account id, but “account_id” and “plan” both are.');
    expect(continueButton().disabled).toBe(true);
    // The type follows the role.
    expect((screen.getByLabelText('Type of “plan”') as HTMLSelectElement).value).toBe('text');
    expect((screen.getByLabelText('Type of “plan”') as HTMLSelectElement).disabled).toBe(true);

    await user.selectOptions(screen.getByLabelText('Role of “account_id”'), 'ignore');
    expect(screen.queryByTestId('mapping-problems')).toBeNull();
    expect(continueButton().disabled).toBe(false);
  });

  it('is asked for when no column looks like one, and the answer becomes the id', async () => {
    const table = [
      ['usage_id', 'feature', 'count'],
      ['U1', 'export', '3'],
      ['U2', 'import', '4'],
    ];
    importBackend.analyses = [analysisOf('usage.csv', table)];
    const user = renderImport();
    await openMapping(user);

    const question = screen.getByRole('group', { name: /No column looks like an account id/ });
    expect(continueButton().disabled).toBe(true);
    // The open question says it; the same thing is not repeated as a problem.
    expect(screen.queryByTestId('mapping-problems')).toBeNull();
    await user.selectOptions(within(question).getByLabelText('Account id column'), 'usage_id');
    expect(continueButton().disabled).toBe(false);
    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalled());
    expect(importBackend.sentMappings()[0].columns[0]).toEqual({ header: 'usage_id', role: 'accountId', type: 'text' });
  });
});

describe('a workbook with several sheets', () => {
  it('re-analyses the sheet picked and imports with the new analysis', async () => {
    const notes = [['note'], ['accounts are on the next sheet']];
    const accounts = [
      ['Customer ID', 'ARR'],
      ['C-1', '1000'],
      ['C-2', '2000'],
    ];
    importBackend.analyses = (sources) => {
      const sheet = sources[0].sheet ?? 'Notes';
      return [analysisOf('book.xlsx', sheet === 'Notes' ? notes : accounts, { sheetNames: ['Notes', 'Accounts'], source: { ...sources[0] }, encoding: null, delimiter: null })];
    };
    const user = renderImport();
    await openMapping(user, [new File(['xlsx bytes'], 'book.xlsx', { lastModified: 1 })]);
    expect(screen.getByRole('columnheader', { name: 'note' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: /^Sheet/ }), 'Accounts');
    await screen.findByRole('columnheader', { name: 'Customer ID' }, { timeout: 3000 });
    const [first, second] = importBackend.api.startImportAnalysis.mock.calls.map(([args]) => args.sources);
    expect(first).toEqual([{ fileName: 'book.xlsx', uploadId: expect.any(String) }]);
    expect(second).toEqual([{ ...first[0], sheet: 'Accounts' }]);
    // The file was uploaded once; picking a sheet does not send it again.
    expect(importBackend.api.uploadImportChunk).toHaveBeenCalledTimes(1);

    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalled());
    const secondJob = (await importBackend.api.startImportAnalysis.mock.results[1].value).jobId;
    expect(importBackend.api.startImport.mock.calls[0][0].analysisJobId).toBe(secondJob);
    expect(importBackend.sentMappings()[0].columns.map((c) => c.role)).toEqual(['accountId', 'arr']);
  });
});

describe('several files', () => {
  it('shows a tab per sheet and sends one mapping per sheet, in order', async () => {
    importBackend.analyses = [
      analysisOf('accounts.csv', SIGNUPS.map((r) => [r[0], r[2], r[3]])),
      analysisOf('churn.csv', [
        ['account_id', 'churn_date'],
        ['A1', '2024-05-01'],
      ]),
    ];
    const user = renderImport();
    await openMapping(user);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['accounts.csvReady', 'churn.csvReady']);
    await user.click(tabs[1]);
    expect((screen.getByLabelText('Role of “churn_date”') as HTMLSelectElement).value).toBe('churnDate');
    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalled());
    expect(importBackend.sentMappings().map((m) => m.kind)).toEqual(['accounts', 'churnEvents']);
  });
});
