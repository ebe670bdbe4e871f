// Two sheets of one workbook in one import (an accounts sheet and a snapshots sheet, behind a notes
// sheet that comes first), through the Workbench api and through `healthscore import book.xlsx#Sheet`,
// joined by account id into the same stored values. A sheet that does not exist is a clear error.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { useTempDirs } from '../../helpers/tempDir';
import { analyse, bundle, importWorkerEntries, mappingOf, newBench, settle } from './helpers';

const tempDir = useTempDirs();
let buildDir = '';

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-sheets-build-'));
  await bundle({ cli: 'electron/cli.ts', ...importWorkerEntries }, buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['Exported from the CRM; accounts and monthly usage on the next sheets.']);
  const accounts = wb.addWorksheet('Accounts');
  accounts.addRow(['account_id', 'account_name', 'segment', 'arr', 'churned']);
  accounts.addRow(['A-1', 'Acme', 'Enterprise', 120000, 'no']);
  accounts.addRow(['A-2', 'Globex', 'SMB', 5000, 'yes']);
  accounts.addRow(['A-3', 'Initech', 'SMB', 7500.5, 'no']);
  const snapshots = wb.addWorksheet('Snapshots');
  snapshots.addRow(['account_id', 'snapshot_date', 'logins', 'tickets']);
  snapshots.addRow(['A-1', day(2024, 4, 30), 12, 1]);
  snapshots.addRow(['A-2', day(2024, 4, 30), 3, 4]);
  snapshots.addRow(['A-3', day(2024, 4, 30), 40, 0]);
  snapshots.addRow(['A-1', day(2024, 5, 31), 15, 2]);
  snapshots.addRow(['A-3', day(2024, 5, 31), 38, null]);
  snapshots.getColumn(2).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(file);
}

/** What the import stored: accounts, snapshot dates, and the metrics of each snapshot. */
function storedValues(workspace: string) {
  const store = WorkspaceStore.open(workspace);
  try {
    const accounts = store.readAccounts();
    const snapshots = store.listSnapshots().map(({ asOf }) => {
      const snapshot = store.readSnapshot(asOf)!;
      const metrics = Object.fromEntries(snapshot.metrics.map((m) => [m.field.name, Array.from(m.values as ArrayLike<unknown>)]));
      return { asOf, present: Array.from(snapshot.present), metrics };
    });
    const segment = store.readAttributes().find((a) => a.field.name === 'segment');
    return { keys: accounts.keys, names: accounts.names, arr: Array.from(accounts.arr), segment: segment && Array.from(segment.values as ArrayLike<unknown>), snapshots, churned: [...store.readChurn().keys()] };
  } finally {
    store.close();
  }
}

function expectBothSheetsStored(values: ReturnType<typeof storedValues>) {
  expect(values.keys).toEqual(['A-1', 'A-2', 'A-3']);
  expect(values.names).toEqual(['Acme', 'Globex', 'Initech']);
  expect(values.arr).toEqual([120000, 5000, 7500.5]);
  expect(values.segment).toEqual(['Enterprise', 'SMB', 'SMB']);
  expect(values.churned).toEqual([1]);
  expect(values.snapshots).toEqual([
    { asOf: '2024-04-30', present: [1, 1, 1], metrics: { logins: [12, 3, 40], tickets: [1, 4, 0] } },
    { asOf: '2024-05-31', present: [1, 0, 1], metrics: { logins: [15, Number.NaN, 38], tickets: [2, Number.NaN, Number.NaN] } },
  ]);
}

function healthscore(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(buildDir, 'cli.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, HEALTHSCORE_DATA_DIR: dataDir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('two sheets of one workbook', () => {
  it('through the api: each sheet analysed and mapped on its own, joined by account id', async () => {
    const dir = tempDir();
    const book = path.join(dir, 'book.xlsx');
    await writeWorkbook(book);
    const bench = await newBench(path.join(dir, 'bench'), path.join(buildDir, 'importWorker.cjs'));
    try {
      const { jobId, analysis } = await analyse(bench.call, [
        { path: book, sheet: 'Accounts' },
        { path: book, sheet: 'Snapshots' },
      ]);
      expect(analysis.map((a) => a.sheetNames)).toEqual([
        ['Notes', 'Accounts', 'Snapshots'],
        ['Notes', 'Accounts', 'Snapshots'],
      ]);
      expect(analysis.map((a) => a.guess.kind)).toEqual(['accounts', 'snapshots']);
      const started = await bench.call('startImport', { analysisJobId: jobId, mappings: analysis.map(mappingOf), importDate: '2024-06-30' });
      const done = await settle(bench.call, started.jobId);
      expect(done.error).toBeUndefined();
      expect(done.report).toMatchObject({ accountCount: 3, churnedCount: 1, problemCount: 0, snapshotDates: ['2024-04-30', '2024-05-31'] });
      // Two sheets of one workbook: the report names the sheet too, so they can be told apart.
      expect(done.report!.sheets.map((s) => [s.file, s.kind, s.rowsImported])).toEqual([
        ['book.xlsx · Accounts', 'accounts', 3],
        ['book.xlsx · Snapshots', 'snapshots', 5],
      ]);
    } finally {
      bench.workbench.close();
    }
    expectBothSheetsStored(storedValues(bench.workspace));
  });

  it('through the CLI: book.xlsx#Accounts book.xlsx#Snapshots stores the same values', async () => {
    const dir = tempDir();
    const book = path.join(dir, 'book.xlsx');
    await writeWorkbook(book);
    const ws = path.join(dir, 'cli.hsw');
    const r = healthscore(dir, 'import', `${book}#Accounts`, `${book}#Snapshots`, '--workspace', ws, '--as-of', '2024-06-30');
    expect(r.stderr).not.toContain('healthscore:');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}book\.xlsx#Accounts: 3 of 3 rows \(accounts, guessed mapping\)$/m);
    expect(r.stdout).toMatch(/^ {2}book\.xlsx#Snapshots: 5 of 5 rows \(snapshots, guessed mapping\)$/m);
    expectBothSheetsStored(storedValues(ws));

    const json = healthscore(dir, 'import', `${book}#Accounts`, `${book}#Snapshots`, '--workspace', ws, '--replace', '--json');
    expect(json.stderr).not.toContain('healthscore:');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).files).toEqual([
      { file: book, sheet: 'Accounts', mapping: 'saved' },
      { file: book, sheet: 'Snapshots', mapping: 'saved' },
    ]);
  });

  it('through the CLI: a sheet the workbook lacks is named with the sheets it has, and nothing is created', async () => {
    const dir = tempDir();
    const book = path.join(dir, 'book.xlsx');
    await writeWorkbook(book);
    const ws = path.join(dir, 'never.hsw');
    const r = healthscore(dir, 'import', `${book}#Accounts`, `${book}#Usage`, '--workspace', ws);
    // stderr first: when this fails, the message says why.
    expect(r.stderr).toMatch(/^healthscore: "book\.xlsx" has no sheet named "Usage"; its sheets are "Notes", "Accounts", "Snapshots"\.$/m);
    expect(r.code).toBe(1);
    expect(fs.existsSync(ws)).toBe(false);
  });

  it('through the CLI: a sheet named for a CSV, an empty sheet name or the same sheet twice is a usage error', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'accounts.csv');
    fs.writeFileSync(csv, 'account_id,logins\nA-1,3\n');
    const ws = path.join(dir, 'never.hsw');
    const onCsv = healthscore(dir, 'import', `${csv}#Sheet1`, '--workspace', ws);
    expect(onCsv.code).toBe(2);
    expect(onCsv.stderr).toContain('only an .xlsx workbook has sheets to name after "#"');
    const empty = healthscore(dir, 'import', path.join(dir, 'book.xlsx#'), '--workspace', ws);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('name the sheet after "#"');
    const twice = healthscore(dir, 'import', path.join(dir, 'book.xlsx#A'), path.join(dir, 'book.xlsx#A'), '--workspace', ws);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is named twice');
    expect(fs.existsSync(ws)).toBe(false);
  });

  it('through the CLI: a file whose name holds "#" is still read as that file', () => {
    const dir = tempDir();
    const odd = path.join(dir, 'accounts#2024.csv');
    fs.writeFileSync(odd, 'account_id,logins\nA-1,3\nA-2,5\n');
    const r = healthscore(dir, 'import', odd, '--workspace', path.join(dir, 'odd.hsw'), '--as-of', '2024-06-30');
    expect(r.stderr).not.toContain('healthscore:');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported 2 accounts/m);
  });
});
