// What an import asks before it writes: replacing a snapshot date the workspace already has, and
// skipping rows with problems. Abort leaves every table as it was; commit writes without the
// problem rows. A confirmed mapping is saved and offered again for the same headers.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { useTempDirs } from '../../helpers/tempDir';
import { analyse, dumpWorkspace, importFiles, mappingOf, newBench, settle, useImportWorker } from './helpers';

const tempDir = useTempDirs();
const workerFile = useImportWorker();

const SHEET = ['account_id,segment,logins,nps', 'A-1,SMB,10,9', 'A-2,Enterprise,4,3', 'A-3,SMB,7,'].join('\n');

describe('import decisions', () => {
  it('a second import of the same file asks to replace its snapshot date; abort changes nothing, commit replaces', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'book.csv');
    fs.writeFileSync(file, SHEET);
    const { call, workbench, workspace } = await newBench(dir, workerFile());
    expect((await importFiles(call, [file])).state).toBe('done');
    const before = dumpWorkspace(workspace);

    const again = await importFiles(call, [file]);
    expect(again.state).toBe('needsDecision');
    expect(again.decision).toEqual({ rowProblems: 0, existingSnapshotDates: ['2024-06-30'] });
    const aborted = await call('resolveImportJob', { jobId: again.jobId, decision: 'abort' });
    expect(aborted.state).toBe('cancelled');
    expect(dumpWorkspace(workspace)).toEqual(before);
    expect((await call('getWorkspaceSummary', {}))!.snapshotDates).toEqual(['2024-06-30']);

    // A changed file, imported again and committed: the snapshot of that date is replaced.
    fs.writeFileSync(file, SHEET.replace('A-1,SMB,10,9', 'A-1,SMB,99,9'));
    const third = await importFiles(call, [file]);
    expect(third.state).toBe('needsDecision');
    const committed = await call('resolveImportJob', { jobId: third.jobId, decision: 'commit' });
    expect(committed.state).toBe('running');
    expect((await settle(call, third.jobId)).state).toBe('done');
    const summary = await call('getWorkspaceSummary', {});
    expect(summary).toMatchObject({ accountCount: 3, snapshotDates: ['2024-06-30'] });
    workbench.close();
    const store = WorkspaceStore.open(workspace);
    const logins = store.readSnapshot('2024-06-30')!.metrics.find((m) => m.field.name === 'logins')!.values as Float64Array;
    expect(Array.from(logins)).toEqual([99, 4, 7]);
    expect(store.listSnapshots()).toHaveLength(1);
    store.close();
  });

  it('row problems: needsDecision with the report; commit imports without those rows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'problems.csv');
    fs.writeFileSync(file, ['account_id,logins', 'A-1,10', 'A-2,twelve', ',5', 'A-3,7', 'A-1,8', ...Array.from({ length: 30 }, (_, i) => `B-${i},${i}`)].join('\n'));
    const { call, workbench, workspace } = await newBench(dir, workerFile());
    const before = dumpWorkspace(workspace);
    const status = await importFiles(call, [file]);
    expect(status.state).toBe('needsDecision');
    expect(status.decision).toEqual({ rowProblems: 3, existingSnapshotDates: [] });
    expect(status.report!.problems.map((p) => [p.kind, p.row, p.column, p.value])).toEqual([
      ['unparseable', 3, 'logins', 'twelve'],
      ['missing_id', 4, 'account_id', null],
      ['duplicate_id', 6, 'account_id', 'A-1'],
    ]);
    expect(status.report!.problems[0].message).toBe('"problems.csv" row 3, column "logins": "twelve" is not a number.');
    expect(dumpWorkspace(workspace)).toEqual(before);

    await call('resolveImportJob', { jobId: status.jobId, decision: 'commit' });
    const done = await settle(call, status.jobId);
    expect(done.state).toBe('done');
    expect(done.report!.sheets[0]).toMatchObject({ rowsRead: 35, rowsImported: 32, rowsSkipped: 3 });
    const page = await call('listAccounts', { offset: 0, limit: 100, sort: { column: 'key', direction: 'asc' } });
    expect(page.total).toBe(32);
    expect(page.rows.map((r) => r.key)).not.toContain('A-2');
    workbench.close();
  });

  it('a decision is refused for a job that is not waiting for one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ok.csv');
    fs.writeFileSync(file, SHEET);
    const { call, workbench } = await newBench(dir, workerFile());
    const done = await importFiles(call, [file]);
    await expect(call('resolveImportJob', { jobId: done.jobId, decision: 'commit' })).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/not waiting for a decision \(it is done\)/) });
    await expect(call('getImportJob', { jobId: 'nosuchjob123' })).rejects.toMatchObject({ code: 'not_found' });
    workbench.close();
  });

  it('the confirmed mapping is saved and offered again for the same headers in another order and case', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'march.csv');
    fs.writeFileSync(first, SHEET);
    const { call, workbench, workspace } = await newBench(dir, workerFile());
    const { jobId, analysis } = await analyse(call, [{ path: first }]);
    expect(analysis[0].savedMapping).toBeNull();
    const mapping = mappingOf(analysis[0]);
    // The user renames a metric and leaves NPS out: choices the guess would not make.
    mapping.columns = mapping.columns.map((c) => (c.header === 'logins' ? { ...c, name: 'weekly_logins' } : c.header === 'nps' ? { ...c, role: 'ignore' } : c));
    const started = await call('startImport', { analysisJobId: jobId, mappings: [mapping], importDate: '2024-03-31' });
    expect((await settle(call, started.jobId)).state).toBe('done');

    const second = path.join(dir, 'april.csv');
    fs.writeFileSync(second, ['NPS,Logins,Account_ID,Segment', '9,11,A-1,SMB'].join('\n'));
    const next = await analyse(call, [{ path: second }]);
    const offered = next.analysis[0].savedMapping!;
    expect(offered.kind).toBe('accounts');
    expect(offered.columns.map((c) => [c.header, c.role, c.name])).toEqual([
      ['NPS', 'ignore', undefined],
      ['Logins', 'metric', 'weekly_logins'],
      ['Account_ID', 'accountId', undefined],
      ['Segment', 'attribute', undefined],
    ]);
    // Another file's headers are not offered it.
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, ['account_id,logins', 'A-1,1'].join('\n'));
    expect((await analyse(call, [{ path: other }])).analysis[0].savedMapping).toBeNull();
    workbench.close();
    const rows = dumpWorkspace(workspace).import_mappings;
    expect(rows).toHaveLength(1);
  });
});
