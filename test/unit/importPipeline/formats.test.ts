// One small table saved four ways (CSV; XLSX with a date cell, a formula with its cached value,
// booleans and an error value; UTF-16 LE CSV; semicolon + decimal-comma CSV) imports to the same
// stored values. XLSX details: the first sheet by default, every sheet's name listed, another sheet
// chosen by name, Excel row numbers in problems, file kind decided by content.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { useTempDirs } from '../../helpers/tempDir';
import { analyse, importFiles, mappingOf, newBench, settle, useImportWorker } from './helpers';

const tempDir = useTempDirs();
const workerFile = useImportWorker();

const CSV = [
  'account_id,account_name,segment,signup_date,logins,arr,active,nps,churned',
  'A-1,Acme,Enterprise,2024-01-15,12,120000.5,TRUE,9,no',
  'A-2,Globex,SMB,2023-11-02,3,5000,FALSE,#N/A,yes',
  'A-3,Initech,SMB,2024-03-31,,7500.25,TRUE,7,no',
  'A-4,Umbrella,Mid-Market,2022-07-04,40,65000,FALSE,10,no',
].join('\r\n');

const SEMICOLON = [
  'account_id;account_name;segment;signup_date;logins;arr;active;nps;churned',
  'A-1;Acme;Enterprise;15.01.2024;12;120000,5;TRUE;9;no',
  'A-2;Globex;SMB;02.11.2023;3;5000;FALSE;#N/A;yes',
  'A-3;Initech;SMB;31.03.2024;;7500,25;TRUE;7;no',
  'A-4;Umbrella;Mid-Market;04.07.2022;40;65000;FALSE;10;no',
].join('\n');

function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

async function writeWorkbook(file: string, options: { emptyFirstSheet?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (options.emptyFirstSheet) wb.addWorksheet('Notes');
  const ws = wb.addWorksheet('Accounts');
  ws.addRow(['account_id', 'account_name', 'segment', 'signup_date', 'logins', 'arr', 'active', 'nps', 'churned']);
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  ws.addRow(['A-1', 'Acme', 'Enterprise', day(2024, 1, 15), { formula: 'B10+2', result: 12 }, 120000.5, true, 9, 'no']);
  ws.addRow(['A-2', 'Globex', 'SMB', day(2023, 11, 2), 3, 5000, false, { error: '#N/A' }, 'yes']);
  ws.addRow(['A-3', 'Initech', 'SMB', day(2024, 3, 31), null, 7500.25, true, 7, 'no']);
  ws.addRow(['A-4', 'Umbrella', 'Mid-Market', day(2022, 7, 4), 40, 65000, false, 10, 'no']);
  ws.getColumn(4).numFmt = 'yyyy-mm-dd';
  const other = wb.addWorksheet('Churn');
  other.addRow(['account_id', 'churn_date']);
  other.addRow(['A-2', day(2024, 5, 1)]);
  other.getColumn(2).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
}

/** Everything stored about the accounts, attributes, the snapshot and churn, without timestamps. */
function storedValues(workspace: string) {
  const store = WorkspaceStore.open(workspace);
  try {
    const accounts = store.readAccounts();
    const attributes = store.readAttributes().map((c) => ({ field: c.field, values: Array.from(c.values as ArrayLike<unknown>) }));
    const snapshot = store.readSnapshot('2024-06-30')!;
    return {
      accounts: { keys: accounts.keys, names: accounts.names, arr: Array.from(accounts.arr) },
      attributes,
      present: Array.from(snapshot.present),
      metrics: snapshot.metrics.map((c) => ({ field: c.field, values: Array.from(c.values as ArrayLike<unknown>) })),
      churn: [...store.readChurn()],
    };
  } finally {
    store.close();
  }
}

describe('the same table as CSV, XLSX, UTF-16 and semicolon CSV', () => {
  it('stores identical values', async () => {
    const dir = tempDir();
    const files = {
      csv: path.join(dir, 'accounts.csv'),
      xlsx: path.join(dir, 'accounts.xlsx'),
      utf16: path.join(dir, 'accounts-utf16.csv'),
      semicolon: path.join(dir, 'accounts-semicolon.csv'),
    };
    fs.writeFileSync(files.csv, CSV);
    await writeWorkbook(files.xlsx);
    fs.writeFileSync(files.utf16, utf16leWithBom(CSV));
    fs.writeFileSync(files.semicolon, SEMICOLON);

    const results: Record<string, ReturnType<typeof storedValues>> = {};
    for (const [name, file] of Object.entries(files)) {
      const bench = await newBench(path.join(dir, name), workerFile());
      const done = await importFiles(bench.call, [file]);
      expect(done.error, name).toBeUndefined();
      expect(done.report, name).toMatchObject({ accountCount: 4, churnedCount: 1, problemCount: 0 });
      bench.workbench.close();
      results[name] = storedValues(bench.workspace);
    }
    const expected = results.csv;
    expect(expected.accounts.arr).toEqual([120000.5, 5000, 7500.25, 65000]);
    expect(expected.attributes.map((a) => `${a.field.name}:${a.field.kind}`)).toEqual(['segment:text', 'signup_date:date', 'active:boolean']);
    expect(expected.metrics.map((m) => m.field.name)).toEqual(['logins', 'nps']);
    expect(expected.metrics[0].values).toEqual([12, 3, Number.NaN, 40]);
    expect(expected.metrics[1].values).toEqual([9, Number.NaN, 7, 10]);
    expect(results.xlsx).toEqual(expected);
    expect(results.utf16).toEqual(expected);
    expect(results.semicolon).toEqual(expected);
  });

  it('XLSX: lists the sheets, reads the first by default and another by name, detected by content', async () => {
    const dir = tempDir();
    // A workbook saved without its extension is still read as a workbook.
    const file = path.join(dir, 'export.dat');
    await writeWorkbook(file);
    const { call, workbench } = await newBench(dir, workerFile());
    const { analysis } = await analyse(call, [{ path: file, fileName: 'export.dat' }, { path: file, fileName: 'export.dat', sheet: 'Churn' }]);
    const [first, churn] = analysis;
    expect(first.sheetNames).toEqual(['Accounts', 'Churn']);
    expect(first).toMatchObject({ encoding: null, delimiter: null, rowCount: 4 });
    expect(first.headers[3]).toBe('signup_date');
    expect(first.previewRows[0]).toEqual(['A-1', 'Acme', 'Enterprise', '2024-01-15', '12', '120000.5', 'TRUE', '9', 'no']);
    expect(first.previewRows[1][7]).toBe('#N/A');
    expect(churn.headers).toEqual(['account_id', 'churn_date']);
    expect(churn.previewRows).toEqual([['A-2', '2024-05-01']]);
    expect(churn.guess.kind).toBe('churnEvents');

    const missing = await call('startImportAnalysis', { sources: [{ fileName: 'export.dat', path: file, sheet: 'Nope' }] });
    const failed = await settle(call, missing.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toEqual({ code: 'invalid_argument', message: '"export.dat" has no sheet named "Nope"; its sheets are "Accounts", "Churn".' });
    workbench.close();
  });

  it('XLSX: a row problem names Excel\'s own row number', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gaps.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A3').value = 'account_id';
    ws.getCell('B3').value = 'logins';
    ws.getCell('A4').value = 'A-1';
    ws.getCell('B4').value = 4;
    ws.getCell('A7').value = 'A-2';
    ws.getCell('B7').value = 'lots';
    for (let r = 8; r < 40; r++) {
      ws.getCell(`A${r}`).value = `A-${r}`;
      ws.getCell(`B${r}`).value = r;
    }
    await wb.xlsx.writeFile(file);
    const { call, workbench } = await newBench(dir, workerFile());
    const { jobId, analysis } = await analyse(call, [{ path: file }]);
    const { jobId: importId } = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(analysis[0])], importDate: '2024-06-30' });
    const status = await settle(call, importId);
    expect(status.state).toBe('needsDecision');
    expect(status.report!.problems[0]).toMatchObject({ file: 'gaps.xlsx', row: 7, column: 'logins', value: 'lots' });
    await call('resolveImportJob', { jobId: importId, decision: 'abort' });
    workbench.close();
  });
});
