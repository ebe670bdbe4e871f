// Files the importer must refuse, through the whole pipeline: each job fails with invalid_argument
// and a message naming the file (and row and column where there is one), and every table of the
// workspace stays as it was. Unexpected failures are 'internal'; finished jobs are dropped later.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/tempDir';
import { analyse, dumpWorkspace, importFiles, mappingOf, newBench, settle, useImportWorker } from './helpers';

const tempDir = useTempDirs();
const workerFile = useImportWorker();

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function emptyFirstSheetWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cover');
  const data = wb.addWorksheet('Data');
  data.addRow(['account_id', 'logins']);
  data.addRow(['A-1', 3]);
  await wb.xlsx.writeFile(file);
}

describe('malformed files through the whole pipeline', () => {
  const cases: [string, string, (file: string) => Promise<void> | void, RegExp][] = [
    ['empty file', 'empty.csv', (f) => fs.writeFileSync(f, ''), /^"empty\.csv" is empty \(0 bytes\)\.$/],
    ['PNG renamed .csv', 'logo.csv', (f) => fs.writeFileSync(f, PNG), /^"logo\.csv" is not a text file: it looks like a PNG image\.$/],
    ['XLSX with an empty first sheet', 'book.xlsx', emptyFirstSheetWorkbook, /^The sheet "Cover" of "book\.xlsx" is empty\. The workbook's other sheets: "Data"; choose one of them\.$/],
    ['header only', 'header.csv', (f) => fs.writeFileSync(f, 'account_id,logins\n'), /has a header row but no data rows/],
    ['no header row', 'values.csv', (f) => fs.writeFileSync(f, '1,2\n3,4\n5,6\n'), /has no header row/],
    ['a ZIP that is not a workbook', 'archive.xlsx', zipWithoutWorkbook, /^"archive\.xlsx" is a ZIP archive but not an Excel workbook/],
  ];

  it.each(cases)('%s: the analysis fails with a clear message, the workspace is unchanged', async (_name, fileName, write, message) => {
    const dir = tempDir();
    const file = path.join(dir, fileName);
    await write(file);
    const { call, workbench, workspace } = await newBench(dir, workerFile());
    const before = dumpWorkspace(workspace);
    const { jobId } = await call('startImportAnalysis', { sources: [{ fileName, path: file }] });
    const status = await settle(call, jobId);
    expect(status.state).toBe('failed');
    expect(status.error!.code).toBe('invalid_argument');
    expect(status.error!.message).toMatch(message);
    expect(dumpWorkspace(workspace)).toEqual(before);
    workbench.close();
  });

  it('dates that need a day/month order stop the import, naming file and column; nothing is written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dates.csv');
    fs.writeFileSync(file, ['account_id,renewal_date,logins', 'A-1,03/04/2024,5', 'A-2,05/06/2024,7', 'A-3,07/08/2024,1'].join('\n'));
    const { call, workbench, workspace } = await newBench(dir, workerFile());
    const before = dumpWorkspace(workspace);
    const { jobId, analysis } = await analyse(call, [{ path: file }]);
    expect(analysis[0].guess.decisions.map((d) => [d.kind, d.header])).toEqual([['dateOrder', 'renewal_date']]);
    const started = await call('startImport', { analysisJobId: jobId, mappings: [mappingOf(analysis[0])], importDate: '2024-06-30' });
    const status = await settle(call, started.jobId);
    expect(status.state).toBe('failed');
    expect(status.error).toEqual({
      code: 'invalid_argument',
      message: '"dates.csv": the dates in column "renewal_date" (e.g. "03/04/2024") need a day/month order: choose month/day or day/month for this column.',
    });
    expect(dumpWorkspace(workspace)).toEqual(before);
    workbench.close();
  });

  it('a mapping that does not fit the file is refused when the import is asked for', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'account_id,logins\nA-1,3\nA-2,4\n');
    const { call, workbench } = await newBench(dir, workerFile());
    const { jobId } = await analyse(call, [{ path: file }]);
    const mapping = { kind: 'accounts' as const, columns: [{ header: 'account', role: 'accountId' as const, type: 'text' as const }] };
    await expect(call('startImport', { analysisJobId: jobId, mappings: [mapping] })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'The mapping for "a.csv" names a column "account" that the file does not have.',
    });
    await expect(call('startImport', { analysisJobId: jobId, mappings: [mapping, mapping] })).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/one per sheet/) });
    await expect(call('startImportAnalysis', { sources: [{ fileName: 'nope.csv', path: path.join(dir, 'nope.csv') }] })).rejects.toMatchObject({ code: 'not_found' });
    workbench.close();
  });

  it('a worker that cannot start fails the job as internal; finished jobs are dropped after their time', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'account_id,logins\nA-1,3\n');
    const broken = await newBench(dir, path.join(dir, 'missing-worker.cjs'));
    const { jobId } = await broken.call('startImportAnalysis', { sources: [{ fileName: 'a.csv', path: file }] });
    const status = await settle(broken.call, jobId);
    expect(status.state).toBe('failed');
    expect(status.error!.code).toBe('internal');
    expect(status.error!.message).toMatch(/^The import worker stopped unexpectedly \(.*missing-worker\.cjs.*\); nothing was written\.$/);
    broken.workbench.close();

    const short = await newBench(path.join(dir, 'short'), workerFile(), { ttls: { finishedImportMs: 50, analysisMs: 50 } });
    const done = await importFiles(short.call, [file]);
    expect(done.state).toBe('done');
    await new Promise((r) => setTimeout(r, 80));
    await expect(short.call('getImportJob', { jobId: done.jobId })).rejects.toMatchObject({ code: 'not_found' });
    short.workbench.close();
  });
});

/** A ZIP archive (stored, one small text entry) that is not a workbook. */
function zipWithoutWorkbook(file: string): void {
  const name = Buffer.from('readme.txt');
  const data = Buffer.from('hello');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  fs.writeFileSync(file, Buffer.concat([local, name, data, central, name, end]));
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
