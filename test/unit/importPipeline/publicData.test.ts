// The public data sets imported through the api, as the UI does it: analysis job, mappings,
// import job, polled with getImportJob; then the workspace's summary, accounts and stored columns.

import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { useTempDirs } from '../../helpers/tempDir';
import { RAVENSTACK, TELCO, analyse, importFiles, mappingOf, newBench, settle, useImportWorker } from './helpers';

const tempDir = useTempDirs();
const workerFile = useImportWorker();

describe('importing the public data sets through the api', () => {
  it('IBM Telco: 7,043 accounts, 1,869 churned, TotalCharges missing for 11, no problems', async () => {
    const { workbench, call, workspace } = await newBench(tempDir(), workerFile());
    const { jobId, analysis } = await analyse(call, [{ path: TELCO }]);
    const [sheet] = analysis;
    expect(sheet).toMatchObject({ sheetNames: [], encoding: 'utf-8', delimiter: ',', rowCount: 7043, savedMapping: null });
    expect(sheet.source).toEqual({ fileName: 'Telco-Customer-Churn.csv', path: TELCO });
    expect(sheet.headers).toHaveLength(21);
    expect(sheet.previewRows).toHaveLength(20);
    expect(sheet.previewRows[0][0]).toBe('7590-VHVEG');
    expect(sheet.profiles.find((p) => p.header === 'TotalCharges')).toMatchObject({ type: 'number', missingCount: 11 });
    expect(sheet.guess.decisions).toEqual([]);
    const analysisStatus = await call('getImportJob', { jobId });
    expect(analysisStatus.progress).toMatchObject({ rows: 7043, bytes: 970457, totalBytes: 970457 });

    const { jobId: importId } = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(sheet)], importDate: '2024-06-30' });
    const done = await settle(call, importId);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('done');
    expect(done.report).toMatchObject({ accountCount: 7043, churnedCount: 1869, problemCount: 0, snapshotDates: ['2024-06-30'] });

    // The open workspace's views were refreshed.
    const summary = await call('getWorkspaceSummary', {});
    expect(summary).toMatchObject({ accountCount: 7043, churnedCount: 1869, snapshotDates: ['2024-06-30'] });
    expect(summary!.metrics.map((m) => m.name)).toEqual(expect.arrayContaining(['tenure', 'MonthlyCharges', 'TotalCharges']));
    const page = await call('listAccounts', { offset: 0, limit: 5, search: '7590-VHVEG' });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ key: '7590-VHVEG', churned: false, lastSnapshot: '2024-06-30' });
    workbench.close();

    const store = WorkspaceStore.open(workspace);
    const snapshot = store.readSnapshot('2024-06-30')!;
    const total = snapshot.metrics.find((m) => m.field.name === 'TotalCharges')!.values as Float64Array;
    expect(total.filter(Number.isNaN)).toHaveLength(11);
    expect(total[1]).toBe(1889.5);
    const mappings = store.db.prepare('SELECT count(*) FROM import_mappings').pluck().get();
    expect(mappings).toBe(1);
    store.close();
  });

  it('RavenStack: all five tables analysed; accounts with churn dates from the churn events table', async () => {
    const { workbench, call } = await newBench(tempDir(), workerFile());
    const tables = ['accounts', 'subscriptions', 'feature_usage', 'support_tickets', 'churn_events'];
    const { analysis } = await analyse(call, tables.map((t) => ({ path: RAVENSTACK(t) })));
    const byTable = Object.fromEntries(tables.map((t, i) => [t, analysis[i]]));
    expect(analysis.map((a) => a.rowCount)).toEqual([500, 5000, 25000, 2000, 600]);
    expect(byTable.accounts.guess.kind).toBe('accounts');
    expect(byTable.churn_events.guess.kind).toBe('churnEvents');
    expect(byTable.subscriptions.guess.kind).toBe('snapshots');
    // Usage rows name subscriptions, not accounts: the analysis asks which column is the account.
    expect(byTable.feature_usage.guess.decisions[0]).toMatchObject({ kind: 'accountId' });

    const done = await importFiles(call, [RAVENSTACK('accounts'), RAVENSTACK('churn_events')]);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('done');
    expect(done.report).toMatchObject({ accountCount: 500, churnedCount: 110, churnDatesKnown: 75, problemCount: 0 });
    const summary = await call('getWorkspaceSummary', {});
    expect(summary).toMatchObject({ accountCount: 500, churnedCount: 110 });
    expect(summary!.attributes.map((a) => a.name)).toEqual(['industry', 'country', 'signup_date', 'referral_source', 'plan_tier', 'is_trial']);
    const churned = await call('listAccounts', { offset: 0, limit: 1000, sort: { column: 'churnDate', direction: 'desc' } });
    expect(churned.rows.filter((r) => r.churned)).toHaveLength(110);
    expect(churned.rows.filter((r) => r.churnDate !== null)).toHaveLength(75);
    workbench.close();
  });
});
