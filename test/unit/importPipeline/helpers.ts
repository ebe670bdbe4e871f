// Helpers for the whole-pipeline import tests: the worker (and the CLI) bundled fresh from the
// sources into a temp folder, a workbench called through the real dispatcher (so arguments are
// validated as the transports do), job polling, and a dump of every table to prove "unchanged".

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import type { Api, ApiArgs, ApiMethod, ApiResult, ImportJobStatus, SheetAnalysis } from '../../../shared/api';
import { ApiError } from '../../../shared/api';
import type { ImportMapping } from '../../../shared/import';
import { Workbench, type WorkbenchOptions } from '../../../electron/services/workbench';
import { createDispatcher } from '../../../electron/transport/dispatch';
import { exceljsBeside, importWorkerEntries } from '../../../scripts/importWorkerBundle.mjs';

export { importWorkerEntries };

export const ROOT = path.resolve(__dirname, '../../..');
export const TELCO = '/work/shared/data/telco-ibm/Telco-Customer-Churn.csv';
export const RAVENSTACK = (table: string) => `/work/shared/data/ravenstack-saas/ravenstack_${table}.csv`;

/** better-sqlite3 stays external (a native addon), resolved from the project wherever the bundle lives. */
const projectSqlite: Plugin = {
  name: 'project-better-sqlite3',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: path.join(ROOT, 'node_modules/better-sqlite3/lib/index.js'), external: true }));
  },
};

/** Bundles entry points (name → source file) as the app's build does, into `outdir` (the worker: importWorkerEntries). */
export async function bundle(entries: Record<string, string>, outdir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.resolve(ROOT, file)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    plugins: [projectSqlite, exceljsBeside],
    logLevel: 'error',
  });
}

/** The import worker built from the current sources once per test file. */
export function useImportWorker(): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-worker-'));
    await bundle(importWorkerEntries, dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => path.join(dir, 'importWorker.cjs');
}

export type Caller = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => Promise<ApiResult<M>>;

/** Calls the workbench as a transport does: validated arguments, errors as ApiError. */
export function callerFor(api: Api): Caller {
  const dispatch = createDispatcher(api, () => undefined);
  return async (method, args) => {
    const envelope = await dispatch(method, args);
    if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
    return envelope.value as ApiResult<typeof method>;
  };
}

export interface TestBench {
  workbench: Workbench;
  call: Caller;
  dataDir: string;
  workspace: string;
}

/** A workbench in a temp data folder with a new, empty workspace open. */
export async function newBench(dir: string, workerFile: string, imports: WorkbenchOptions['imports'] = {}): Promise<TestBench> {
  fs.mkdirSync(dir, { recursive: true });
  const workbench = new Workbench({ dataDir: dir, mode: 'browser', version: 'test', imports: { workerFile, ...imports } });
  const call = callerFor(workbench);
  const workspace = path.join(dir, 'book.hsw');
  await call('createWorkspace', { path: workspace, name: 'Import test' });
  return { workbench, call, dataDir: dir, workspace };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the job leaves 'running' (as the UI does). */
export async function settle(call: Caller, jobId: string, timeoutMs = 60_000): Promise<ImportJobStatus> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const status = await call('getImportJob', { jobId });
    if (status.state !== 'running') return status;
    if (Date.now() > end) throw new Error(`job ${jobId} still running after ${timeoutMs} ms: ${JSON.stringify(status.progress)}`);
    await sleep(15);
  }
}

/** Polls until `accept` holds for the job's status. */
export async function waitFor(call: Caller, jobId: string, accept: (s: ImportJobStatus) => boolean, timeoutMs = 60_000): Promise<ImportJobStatus> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const status = await call('getImportJob', { jobId });
    if (accept(status)) return status;
    if (Date.now() > end) throw new Error(`job ${jobId}: condition not met after ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await sleep(5);
  }
}

/** The mapping to confirm: the saved one if offered, else the guess (without its questions). */
export function mappingOf(sheet: SheetAnalysis): ImportMapping {
  const m = sheet.savedMapping ?? sheet.guess;
  return m.kind === 'events' ? { kind: m.kind, columns: m.columns, events: m.events } : { kind: m.kind, columns: m.columns };
}

export async function analyse(call: Caller, sources: { path: string; fileName?: string; sheet?: string }[]): Promise<{ jobId: string; analysis: SheetAnalysis[] }> {
  const { jobId } = await call('startImportAnalysis', {
    sources: sources.map((s) => ({ fileName: s.fileName ?? path.basename(s.path), path: s.path, ...(s.sheet ? { sheet: s.sheet } : {}) })),
  });
  const status = await settle(call, jobId);
  if (status.state !== 'done') throw new Error(`analysis ${status.state}: ${status.error?.message}`);
  return { jobId, analysis: status.analysis! };
}

/** Analyses and imports files with their guessed (or saved) mappings; returns the settled import job. */
export async function importFiles(call: Caller, files: string[], importDate = '2024-06-30'): Promise<ImportJobStatus> {
  const { jobId, analysis } = await analyse(call, files.map((p) => ({ path: p })));
  const started = await call('startImport', { analysisJobId: jobId, mappings: analysis.map(mappingOf), importDate });
  return settle(call, started.jobId);
}

/** Every table of a workspace file, rows in a fixed order (blobs as hex): equal dumps = same content. */
export function dumpWorkspace(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all() as unknown[][];
      out[t] = rows.map((r) => r.map((v) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v)));
    }
    return out;
  } finally {
    db.close();
  }
}

/** True while another connection holds the write lock (BEGIN IMMEDIATE is refused at once). */
export function writeLocked(file: string): boolean {
  const db = new Database(file, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    db.close();
  }
}
