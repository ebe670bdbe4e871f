// Cancelling, and losing the worker: mid-analysis, mid-build and mid-write (the worker killed inside
// its open write transaction) end in 'cancelled' with every table of the workspace as it was.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPLIT_MIN_BYTES } from '../../../electron/import/halfHelper';
import { Workbench, type WorkbenchOptions } from '../../../electron/services/workbench';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { useTempDirs } from '../../helpers/tempDir';
import { analyse, callerFor, dumpWorkspace, writeLocked, importFiles, mappingOf, newBench, settle, useImportWorker, waitFor } from './helpers';
import { writeLargeCsv } from './largeCsv';

const tempDir = useTempDirs();
const workerFile = useImportWorker();
let bigFile = '';
let bigDir = '';

beforeAll(() => {
  bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-big-'));
  bigFile = path.join(bigDir, 'big.csv');
  writeLargeCsv(bigFile, { rows: 300_000 });
  return () => fs.rmSync(bigDir, { recursive: true, force: true });
});

/** A workspace with some data already in it (so "unchanged" means something), open in a workbench. */
async function seededBench(dir: string, imports: WorkbenchOptions['imports'] = {}) {
  const seeding = await newBench(dir, workerFile());
  const small = path.join(dir, 'small.csv');
  fs.writeFileSync(small, ['account_id,segment,logins', 'ACC-1,SMB,3', 'ACC-2,Enterprise,8'].join('\n'));
  expect((await importFiles(seeding.call, [small], '2024-01-31')).state).toBe('done');
  seeding.workbench.close();
  const workbench = new Workbench({ dataDir: dir, mode: 'browser', version: 'test', imports: { workerFile: workerFile(), ...imports } });
  const call = callerFor(workbench);
  await call('openWorkspace', { path: seeding.workspace });
  return { workbench, call, workspace: seeding.workspace };
}

describe('cancelling an import', () => {
  it('mid-analysis: the job ends cancelled', async () => {
    const { call, workbench, workspace } = await seededBench(tempDir());
    const before = dumpWorkspace(workspace);
    const { jobId } = await call('startImportAnalysis', { sources: [{ fileName: 'big.csv', path: bigFile }] });
    const reading = await waitFor(call, jobId, (s) => s.progress.rows > 0 || s.state !== 'running');
    expect(reading.state).toBe('running');
    expect(reading.progress.phase).toBe('reading');
    expect(reading.progress.totalBytes).toBe(fs.statSync(bigFile).size);
    await call('cancelImportJob', { jobId });
    const status = await settle(call, jobId, 10_000);
    expect(status.state).toBe('cancelled');
    expect(status.analysis).toBeUndefined();
    expect(status.progress.rows).toBeLessThan(300_000);
    expect(dumpWorkspace(workspace)).toEqual(before);
    workbench.close();
  });

  it('mid-build: the job ends cancelled and the workspace is unchanged', async () => {
    const { call, workbench, workspace } = await seededBench(tempDir());
    const { jobId, analysis } = await analyse(call, [{ path: bigFile }]);
    expect(analysis[0].rowCount).toBe(300_000);
    // Big enough to be read on two threads: the cancel stops the helper too.
    expect(fs.statSync(bigFile).size).toBeGreaterThan(SPLIT_MIN_BYTES);
    const before = dumpWorkspace(workspace);
    const started = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(analysis[0])], importDate: '2024-06-30' });
    const building = await waitFor(call, started.jobId, (s) => s.progress.rows > 0 || s.state !== 'running');
    expect(building).toMatchObject({ state: 'running', progress: { phase: 'building' } });
    await call('cancelImportJob', { jobId: started.jobId });
    expect((await settle(call, started.jobId, 10_000)).state).toBe('cancelled');
    expect(dumpWorkspace(workspace)).toEqual(before);
    expect((await call('getWorkspaceSummary', {}))!.accountCount).toBe(2);
    workbench.close();
  });

  it('mid-write: the transaction is rolled back at the next write step', async () => {
    const { call, workbench, workspace } = await seededBench(tempDir());
    const { jobId, analysis } = await analyse(call, [{ path: bigFile }]);
    const before = dumpWorkspace(workspace);
    const started = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(analysis[0])], importDate: '2024-06-30' });
    const writing = await waitFor(call, started.jobId, (s) => s.progress.phase === 'writing' || s.state !== 'running');
    await call('cancelImportJob', { jobId: started.jobId });
    expect(writing.state).toBe('running');
    expect((await settle(call, started.jobId, 10_000)).state).toBe('cancelled');
    expect(dumpWorkspace(workspace)).toEqual(before);
    workbench.close();
  });

  it('a worker killed inside its write transaction leaves the workspace unchanged', async () => {
    const dir = tempDir();
    const { call, workbench, workspace } = await seededBench(dir, { holdImportsBeforeCommit: true, cancelGraceMs: 200 });
    const before = dumpWorkspace(workspace);
    const { jobId, analysis } = await analyse(call, [{ path: bigFile }]);
    const started = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(analysis[0])], importDate: '2024-06-30' });
    // Everything is written inside the open transaction: progress says so, and the write lock is held.
    const written = await waitFor(call, started.jobId, (s) => (s.progress.phase === 'writing' && s.progress.rows === 300_000 && s.progress.etaSeconds === 0) || s.state !== 'running');
    expect(written.state).toBe('running');
    await new Promise((r) => setTimeout(r, 300));
    expect(writeLocked(workspace)).toBe(true);
    await call('cancelImportJob', { jobId: started.jobId });
    // The worker does not check the flag while held: only terminate() after the grace period ends it.
    expect((await settle(call, started.jobId, 10_000)).state).toBe('cancelled');
    expect(writeLocked(workspace)).toBe(false);
    expect(dumpWorkspace(workspace)).toEqual(before);
    expect((await call('getWorkspaceSummary', {}))!.snapshotDates).toEqual(['2024-01-31']);
    workbench.close();
    const reopened = WorkspaceStore.open(workspace);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.accountCount()).toBe(2);
    reopened.close();
  });
});
