// Reading a big quote-free delimited file on two threads: the helper's half gives exactly the
// dataset and report of the single-thread read (row problems in file order, blank lines, CRLF, a
// duplicate id across the halves), and every case it cannot read apart falls back to the import
// worker's own read. The split threshold is lowered so that ~1 MB files are split.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseSheets } from '../../../electron/import/analyseSheets';
import { buildImport } from '../../../electron/import/buildImport';
import { DelimitedFileStream } from '../../../electron/import/delimitedStream';
import { ProgressMeter } from '../../../electron/import/progressMeter';
import { CancelFlag, type ImportRequest } from '../../../electron/import/workerProtocol';
import { DatasetBuilder, type SheetMapping, buildDataset, parseDelimitedBytes } from '../../../shared/import';
import { useTempDirs } from '../../helpers/tempDir';
import { useImportWorker } from './helpers';
import { datasetContent } from '../../helpers/datasetContent';

const tempDir = useTempDirs();
const workerFile = useImportWorker();
const ROWS = 16_000;

interface FileOptions {
  newline?: string;
  /** Row index → replacement line. */
  lines?: Record<number, string>;
}

/** Account rows with row problems, blank lines and a duplicate id spread over both halves. */
function writeCsv(file: string, { newline = '\r\n', lines = {} }: FileOptions = {}): Buffer {
  const out: string[] = ['account_id,segment,plan,logins,score,churned'];
  for (let r = 0; r < ROWS; r++) {
    if (r % 997 === 500) out.push(r % 2 === 0 ? '' : ' , ,,,,');
    let line = `ACC-${r},${['SMB', 'Mid', 'Enterprise'][r % 3]},  plan ${r % 7} ,${(r * 37) % 1000},${((r * 13) % 10000) / 100},${r % 11 === 0 ? 'Yes' : 'No'}`;
    if (r % 1301 === 7) line = `ACC-${r},SMB,plan 1,lots,1.5,No`;
    if (r % 1703 === 9) line = `N/A,SMB,plan 1,3,1.5,No`;
    if (r % 2111 === 11) line = `ACC-${r},SMB,plan 1,3,1.5,No,surplus`;
    if (r % 1999 === 13) line = `ACC-${r},SMB,plan 1,3,1.5,maybe`;
    if (r === ROWS - 100) line = `ACC-100,SMB,plan 1,3,1.5,No`; // duplicate of a first-half row
    out.push(lines[r] ?? line);
  }
  const bytes = Buffer.from(out.join(newline) + newline, 'utf8');
  fs.writeFileSync(file, bytes);
  return bytes;
}

async function requestFor(file: string, splitMinBytes: number): Promise<ImportRequest> {
  const sources = [{ fileName: path.basename(file), path: file }];
  const meter = new ProgressMeter(fs.statSync(file).size, () => {});
  const [sheet] = await analyseSheets(sources, meter, new CancelFlag(CancelFlag.create()));
  return { kind: 'import', sources, headers: [sheet.headers], mappings: [sheet.guess], importDate: '2024-06-30', workspacePath: 'unused', splitMinBytes };
}

async function build(request: ImportRequest, helper: string | undefined) {
  const meter = new ProgressMeter(fs.statSync(request.sources[0].path).size, () => {});
  return buildImport(request, meter, new CancelFlag(CancelFlag.create()), helper);
}

/** How many rows the helper converted (0: the file was read on one thread). */
async function helperRows(request: ImportRequest): Promise<number> {
  const { path: file, fileName } = request.sources[0];
  const stream = new DelimitedFileStream(file, fileName, fs.statSync(file).size);
  const mapping = request.mappings[0];
  if (mapping.kind === 'events') throw new Error('not an events sheet');
  const converter = new DatasetBuilder({ importDate: request.importDate, onProblem: 'skipRow' }).addSheet({ fileName, headers: request.headers[0], mapping }).converter;
  const options = { helperFile: workerFile(), minBytes: request.splitMinBytes ?? 0, headers: request.headers[0], mapping, cancel: CancelFlag.create() };
  for await (const batch of stream.convertedBatches(converter, options)) expect(batch.ids.length).toBeGreaterThan(0);
  return stream.rowsFromHelper;
}

/**
 * The core's build of the whole file parsed at once (papaparse's rows, no plain runs read from
 * bytes, one thread).
 */
function inMemoryBuild(request: ImportRequest) {
  const { path: file, fileName } = request.sources[0];
  const parsed = parseDelimitedBytes(new Uint8Array(fs.readFileSync(file)), { fileName });
  const mapping = request.mappings[0] as SheetMapping;
  return buildDataset([{ fileName, headers: parsed.header.headers, mapping, batches: [parsed] }], { importDate: request.importDate, onProblem: 'skipRow' });
}

/** The two-thread build against the single-thread one: identical dataset and report. */
async function expectSameAsSingleThread(file: string, splitMinBytes = 0) {
  const request = await requestFor(file, splitMinBytes);
  const single = await build(request, undefined);
  const split = await build(request, workerFile());
  expect(split.report).toEqual(single.report);
  expect(datasetContent(split.dataset)).toEqual(datasetContent(single.dataset));
  if (file.endsWith('.csv')) {
    const reference = inMemoryBuild(request);
    expect(datasetContent(single.dataset)).toEqual(datasetContent(reference.dataset));
    expect(single.report.problems).toEqual(reference.report.problems);
  }
  return { request, single };
}

describe('reading a delimited file on two threads', () => {
  it('gives the single-thread dataset and report (CRLF, blank lines, row problems in both halves)', async () => {
    const file = path.join(tempDir(), 'accounts.csv');
    writeCsv(file);
    const { request, single } = await expectSameAsSingleThread(file);
    expect(await helperRows(request)).toBeGreaterThan(0);
    const rows = single.report.problems.map((p) => p.row);
    const kinds = new Set(single.report.problems.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['unparseable', 'missing_id', 'extra_cells', 'duplicate_id']));
    // Problems on both sides of the middle, the duplicate in the second half pointing at its own row.
    expect(Math.min(...rows)).toBeLessThan(ROWS / 2);
    expect(Math.max(...rows)).toBeGreaterThan(ROWS / 2);
    const duplicate = single.report.problems.find((p) => p.kind === 'duplicate_id');
    expect(duplicate).toMatchObject({ value: 'ACC-100', row: ROWS - 100 + 2 + Math.floor((ROWS - 100 + 497) / 997) });
    expect(single.report.warnings.map((w) => w.code)).toContain('inconsistent_columns');
  });

  it('gives the same result with LF line ends', async () => {
    const file = path.join(tempDir(), 'lf.csv');
    writeCsv(file, { newline: '\n' });
    const { request } = await expectSameAsSingleThread(file);
    expect(await helperRows(request)).toBeGreaterThan(0);
  });

  it('falls back to one thread for a quote in the second half only', async () => {
    const file = path.join(tempDir(), 'quoted.csv');
    writeCsv(file, { lines: { [ROWS - 50]: 'ACC-X,"Big, Inc",plan 1,3,1.5,No' } });
    const { request, single } = await expectSameAsSingleThread(file);
    expect(await helperRows(request)).toBe(0);
    expect(single.dataset.accounts.keys).toContain('ACC-X');
  });

  it('falls back to one thread for an invalid UTF-8 byte in the second half', async () => {
    const file = path.join(tempDir(), 'latin.csv');
    const bytes = writeCsv(file, { lines: { [ROWS - 50]: 'ACC-X,Caf?,plan 1,3,1.5,No' } });
    bytes[bytes.lastIndexOf('Caf?') + 3] = 0xe9;
    fs.writeFileSync(file, bytes);
    const { request, single } = await expectSameAsSingleThread(file);
    expect(await helperRows(request)).toBe(0);
    // An ASCII first half: the whole file is read as Windows-1252.
    expect(JSON.stringify(single.dataset.accounts.attributes)).toContain('Café');
  });

  it('reads a file under the size threshold on one thread', async () => {
    const file = path.join(tempDir(), 'small.csv');
    const bytes = writeCsv(file);
    const { request } = await expectSameAsSingleThread(file, bytes.length + 1);
    expect(await helperRows(request)).toBe(0);
  });

  it('reads an XLSX workbook on one thread', async () => {
    const file = path.join(tempDir(), 'book.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Accounts');
    ws.addRow(['account_id', 'segment', 'logins']);
    for (let r = 0; r < 2000; r++) ws.addRow([`ACC-${r}`, r % 2 ? 'SMB' : 'Mid', r % 13 === 0 ? 'lots' : r]);
    await wb.xlsx.writeFile(file);
    const { single } = await expectSameAsSingleThread(file);
    expect(single.report.problemCount).toBeGreaterThan(0);
  });
});
