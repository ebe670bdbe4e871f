// @vitest-environment happy-dom
// Progress of the analysis and the import, Cancel, the report of an import that needs a decision,
// the summary, and failures shown in place.

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analysisOf, importBackend, needsDecision, progress, report } from './fakeImportApi';
import { chooseAndAnalyse, continueButton, freshImportEachTest, openMapping, renderImport } from './importHarness';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

const ACCOUNTS = [
  ['account_id', 'logins'],
  ['A1', '3'],
  ['A2', '4'],
];

freshImportEachTest(() => [analysisOf('accounts.csv', ACCOUNTS)]);

describe('progress and cancel', () => {
  it('shows rows, rate and time left of the analysis; Cancel stops the job and keeps the files', async () => {
    const running = { state: 'running' as const, progress: progress(12_000, { bytes: 100_000, totalBytes: 400_000, rowsPerSecond: 48_000, etaSeconds: 3 }) };
    importBackend.analysisScript = Array.from({ length: 1000 }, () => running);
    const user = renderImport();
    await chooseAndAnalyse(user);

    await waitFor(() => expect(screen.getByTestId('import-progress-facts').textContent).toContain('12,000 rows'));
    const facts = screen.getByTestId('import-progress-facts').textContent;
    expect(facts).toContain('48,000 rows/s');
    expect(facts).toContain('about 3 s left');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByTestId('import-phase').textContent).toBe('Reading');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Choose the files to import' });
    const jobId = (await importBackend.api.startImportAnalysis.mock.results[0].value).jobId;
    expect(importBackend.api.cancelImportJob).toHaveBeenCalledWith({ jobId });
    expect(screen.getByTestId('import-notice').textContent).toBe('Analysis cancelled.');
    expect(screen.getAllByTestId('chosen-file')).toHaveLength(1);
  });

  it('stops a job that was still starting when Cancel was pressed', async () => {
    importBackend.startLatencyMs = 150;
    const user = renderImport();
    await chooseAndAnalyse(user);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Choose the files to import' });
    await waitFor(() => expect(importBackend.api.cancelImportJob).toHaveBeenCalledTimes(1));
    const jobId = (await importBackend.api.startImportAnalysis.mock.results[0].value).jobId;
    expect(importBackend.api.cancelImportJob).toHaveBeenCalledWith({ jobId });
    expect(importBackend.api.getImportJob).not.toHaveBeenCalled();
  });

  it('cancels a running import and goes back to the columns', async () => {
    importBackend.importScript = [{ state: 'running', progress: progress(500, { phase: 'writing' }) }];
    const user = renderImport();
    await openMapping(user);
    await user.click(continueButton());
    await waitFor(() => expect(screen.getByTestId('import-phase').textContent).toBe('Writing to the workspace'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'What each column means' });
    expect(importBackend.api.cancelImportJob).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('import-notice').textContent).toBe('Import cancelled: nothing was written.');
  });
});

describe('an import that needs a decision', () => {
  const problems = Array.from({ length: 60 }, (_, i) => ({
    kind: 'unparseable' as const,
    file: 'accounts.csv',
    row: i + 2,
    column: 'logins',
    value: `x${i}`,
    message: `"accounts.csv" row ${i + 2}, column "logins": "x${i}" is not a number`,
  }));
  const withProblems = needsDecision(
    { rowProblems: 1500 },
    { problems, problemCount: 1500, sheets: [{ file: 'accounts.csv', kind: 'accounts', rowsRead: 9000, rowsImported: 7600, rowsSkipped: 1400 }] },
  );

  it('shows the report; "Skip these N rows and import" commits and ends with the summary', async () => {
    importBackend.importScript = [{ state: 'running', progress: progress(10) }, withProblems];
    importBackend.afterCommit = [{ state: 'running', progress: progress(9000, { phase: 'writing' }) }, { state: 'done', report: report({ accountCount: 7600 }) }];
    const user = renderImport();
    await openMapping(user);
    await user.click(continueButton());

    await screen.findByRole('heading', { name: 'Check before importing' });
    expect(screen.getByTestId('problem-count').textContent).toBe('1,500 row problems in 1,400 rows');
    expect(screen.getAllByTestId('problem-row')).toHaveLength(50);
    expect(screen.getByText(/1–50 of 60 \(the first 60 of 1,500 are listed\)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getAllByTestId('problem-row')).toHaveLength(10);
    expect(screen.getAllByTestId('problem-row')[0].textContent).toContain('"x50" is not a number');

    await user.click(screen.getByRole('button', { name: 'Skip these 1,400 rows and import' }));
    const jobId = (await importBackend.api.startImport.mock.results[0].value).jobId;
    expect(importBackend.api.resolveImportJob).toHaveBeenCalledWith({ jobId, decision: 'commit' });
    await screen.findByRole('heading', { name: 'Import complete' }, { timeout: 3000 });
    expect(screen.getByTestId('imported-accounts').textContent).toBe('7,600');
    // The workspace behind the dialog is reloaded.
    await waitFor(() => expect(importBackend.api.getWorkspaceSummary).toHaveBeenCalled());
  });

  it('Abort answers abort and keeps the mapping', async () => {
    importBackend.importScript = [withProblems];
    const user = renderImport();
    await openMapping(user);
    await user.click(continueButton());
    await screen.findByRole('heading', { name: 'Check before importing' });
    await user.click(screen.getByRole('button', { name: 'Abort' }));
    await screen.findByRole('heading', { name: 'What each column means' });
    expect(importBackend.api.resolveImportJob).toHaveBeenCalledWith(expect.objectContaining({ decision: 'abort' }));
    expect(screen.getByTestId('import-notice').textContent).toBe('Import aborted: nothing was written.');
  });

  it('offers to replace a snapshot date the workspace already has', async () => {
    importBackend.importScript = [needsDecision({ existingSnapshotDates: ['2026-11-01'] })];
    const user = renderImport();
    await openMapping(user);
    await user.click(continueButton());
    await screen.findByText('The workspace already has a snapshot dated 2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Replace snapshot 2026-11-01' }));
    await screen.findByRole('heading', { name: 'Import complete' });
    expect(importBackend.api.resolveImportJob).toHaveBeenCalledWith(expect.objectContaining({ decision: 'commit' }));
  });
});

describe('failures', () => {
  it('shows a failed analysis in place with "Choose another file"', async () => {
    const message = '"accounts.csv" row 1: the file has no header row.';
    importBackend.analysisScript = [{ state: 'failed', error: { code: 'invalid_argument', message } }];
    const user = renderImport();
    await chooseAndAnalyse(user);
    expect((await screen.findByTestId('import-error')).textContent).toBe(message);
    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(screen.getByRole('heading', { name: 'Choose the files to import' })).toBeTruthy();
    expect(screen.getAllByTestId('chosen-file')).toHaveLength(1);
  });

  it('shows a failed import and goes back to the columns', async () => {
    importBackend.importScript = [{ state: 'failed', error: { code: 'internal', message: 'disk full' } }];
    const user = renderImport();
    await openMapping(user);
    await user.click(continueButton());
    expect((await screen.findByTestId('import-error')).textContent).toBe('disk full');
    await user.click(screen.getByRole('button', { name: 'Back to columns' }));
    expect(screen.getByRole('heading', { name: 'What each column means' })).toBeTruthy();
  });
});
