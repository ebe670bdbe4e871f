// exceljs's streaming reader sometimes ends its pass over the ZIP before the workbook part under
// load (seen about one pass in thirty with two busy cores). The sheet stream reads such a pass
// again; here the reader is made to end early on purpose, a given number of times.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XlsxSheetStream } from '../../../electron/import/xlsxStream';
import { useTempDirs } from '../../helpers/tempDir';

type ExcelJs = typeof import('exceljs');

const reader = vi.hoisted(() => ({ failuresLeft: 0, passes: 0 }));

vi.mock('exceljs', async () => {
  const real = ((await vi.importActual<{ default: ExcelJs }>('exceljs')).default ?? (await vi.importActual('exceljs'))) as ExcelJs;
  /** The real reader, except that a pass meant to fail ends where the bug ends it: before the workbook part. */
  function WorkbookReader(input: fs.ReadStream, options: object) {
    reader.passes++;
    if (reader.failuresLeft > 0) {
      reader.failuresLeft--;
      return {
        model: undefined,
        async *[Symbol.asyncIterator]() {
          const model = undefined as unknown as { sheets: unknown[] };
          yield model.sheets; // throws as exceljs does when it reaches a worksheet without the workbook part
        },
      };
    }
    return new real.stream.xlsx.WorkbookReader(input, options as never);
  }
  const patched = { ...real, stream: { ...real.stream, xlsx: { ...real.stream.xlsx, WorkbookReader } } };
  return { ...patched, default: patched };
});

const tempDir = useTempDirs();

async function writeBook(): Promise<string> {
  const ExcelJS = (await vi.importActual<{ default: ExcelJs }>('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['not data']);
  const sheet = wb.addWorksheet('Accounts');
  sheet.addRow(['account_id', 'logins']);
  sheet.addRow(['A-1', 3]);
  sheet.addRow(['A-2', 5]);
  const file = path.join(tempDir(), 'book.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function readAll(file: string): Promise<string[][]> {
  const stream = new XlsxSheetStream(file, 'book.xlsx', fs.statSync(file).size, 'Accounts');
  const rows: string[][] = [];
  for await (const batch of stream.batches()) rows.push(...batch.rows);
  return rows;
}

afterEach(() => {
  reader.failuresLeft = 0;
  reader.passes = 0;
});

describe('XLSX sheet stream over an early-ending exceljs pass', () => {
  it('reads the sheet again and gets every row once', async () => {
    const file = await writeBook();
    reader.failuresLeft = 2;
    expect(await readAll(file)).toEqual([
      ['A-1', '3'],
      ['A-2', '5'],
    ]);
    expect(reader.passes).toBe(3);
  });

  it('gives up after four passes with the reader’s own error', async () => {
    const file = await writeBook();
    reader.failuresLeft = 4;
    await expect(readAll(file)).rejects.toMatchObject({ code: 'binary_file', message: expect.stringMatching(/cannot be read as an Excel workbook: Cannot read properties of undefined \(reading 'sheets'\)/) });
    expect(reader.passes).toBe(4);
  });
});
