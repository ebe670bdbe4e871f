// A corpus of broken and awkward files, generated here: each must end in one clear ImportError
// (naming the file) or in entries of the import report, never in a crash or silent data loss.

import { describe, expect, it } from 'vitest';
import { type BuildResult, type ImportWarning, type SheetMapping, buildDataset, guessMapping, parseDelimitedBytes } from '../../../shared/import';
import { ImportError } from '../../../shared/import/importError';
import { SeededRandom } from '../../../shared/random';
import { latin1, profilesOf, utf8 } from './helpers';

interface RunOptions {
  fileName?: string;
  onProblem?: 'skipRow' | 'abort';
  adjust?: (mapping: SheetMapping) => SheetMapping;
}

type Outcome = { error: ImportError; result?: undefined; warnings?: undefined } | { error?: undefined; result: BuildResult; warnings: ImportWarning[] };

function run(input: Uint8Array | string, options: RunOptions = {}): Outcome {
  const fileName = options.fileName ?? 'broken.csv';
  try {
    const bytes = typeof input === 'string' ? utf8(input) : input;
    const parsed = parseDelimitedBytes(bytes, { fileName });
    const profiles = profilesOf(parsed);
    const guess = guessMapping(parsed.header.headers, profiles);
    const mapping = options.adjust ? options.adjust(guess) : guess;
    const result = buildDataset([{ fileName, headers: parsed.header.headers, mapping, batches: [parsed] }], {
      importDate: '2024-06-30',
      onProblem: options.onProblem ?? 'skipRow',
    });
    return { result, warnings: [...parsed.warnings, ...result.report.warnings] };
  } catch (error) {
    if (error instanceof ImportError) return { error };
    throw error;
  }
}

function expectError(outcome: Outcome, code: string, message?: RegExp): void {
  expect(outcome.error?.code, outcome.error ? outcome.error.message : 'no error').toBe(code);
  expect(outcome.error?.message).toContain('"broken.csv"');
  if (message) expect(outcome.error?.message).toMatch(message);
}

function kinds(outcome: Outcome): string[] {
  return (outcome.result?.report.problems ?? []).map((p) => p.kind);
}

function warningCodes(outcome: Outcome): string[] {
  return (outcome.warnings ?? []).map((w) => w.code);
}

const role = (mapping: SheetMapping, header: string, patch: Partial<SheetMapping['columns'][number]>): SheetMapping => ({
  ...mapping,
  columns: mapping.columns.map((c) => (c.header === header ? { ...c, ...patch } : c)),
});

describe('whole-file errors', () => {
  it('1 empty file', () => expectError(run(new Uint8Array(0)), 'empty_file', /empty \(0 bytes\)/));
  it('2 only a UTF-8 BOM', () => expectError(run(Uint8Array.from([0xef, 0xbb, 0xbf])), 'empty_file'));
  it('3 only a UTF-16 BOM', () => expectError(run(Uint8Array.from([0xff, 0xfe])), 'empty_file'));
  it('4 only whitespace and newlines', () => expectError(run('  \n\t\n   \r\n'), 'empty_file', /blank space/));
  it('5 only blank rows of separators', () => expectError(run(',,,\n,,\n\n'), 'empty_file', /only blank lines/));
  it('6 header only', () => expectError(run('account_id,mrr\n'), 'no_data_rows', /has a header row but no data rows/));
  it('7 header followed by blank lines', () => expectError(run('account_id,mrr\n\n,\n\n'), 'no_data_rows'));
  it('8 PNG image', () => expectError(run(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])), 'binary_file', /PNG image/));
  it('9 XLSX workbook renamed .csv (ZIP)', () => expectError(run(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])), 'binary_file', /Excel workbook/));
  it('10 legacy .xls', () => expectError(run(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'binary_file', /\.xls/));
  it('11 PDF', () => expectError(run(utf8('%PDF-1.7\n%âãÏÓ\n')), 'binary_file', /PDF/));
  it('12 gzip', () => expectError(run(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0])), 'binary_file', /gzip/));
  it('13 NUL bytes inside text', () => expectError(run(utf8('id,v\nA,1\u0000\u0000\nB,2\n')), 'binary_file', /NUL/));
  it('14 random binary garbage', () => {
    const rng = new SeededRandom(7);
    const bytes = Uint8Array.from({ length: 5000 }, () => rng.int(256));
    expectError(run(bytes), 'binary_file');
  });
  it('15 UTF-32 text', () => expectError(run(Uint8Array.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])), 'unreadable_encoding', /UTF-32/));
  it('16 unterminated quote', () => expectError(run('id,note\nA,"open\nB,x\nC,y\n'), 'unterminated_quote', /starts in row 2/));
  it('17 no header: the first row is numbers', () => expectError(run('1,2,3\n4,5,6\n'), 'no_header', /first row holds values/));
  it('18 no header: the first row is data like the rest', () =>
    expectError(run('A-1,Enterprise,EU\nA-2,Enterprise,EU\nA-3,SMB,US\n'), 'no_header', /occur as values below/));
  it('19 a blank first row before numbers', () => expectError(run(',,\n10,20,30\n40,50,60\n'), 'no_header'));
  it('20 all-blank account id column', () => expectError(run('account_id,mrr\n,1\n ,2\nN/A,3\n'), 'no_valid_rows', /None of the 3 data rows.*account id is missing/));
  it('21 no column is the account id', () => expectError(run('region,mrr\nEU,1\nUS,2\n'), 'no_account_id', /mapped as the account id/));
  it('22 a one-column file (only ids)', () => {
    const outcome = run('account_id\nA\nB\n');
    expectError(outcome, 'nothing_mapped', /maps only the account id/);
  });
  it('23 unparseable number with onProblem abort', () =>
    expectError(run('account_id,mrr\nA,1\nB,lots\n', { onProblem: 'abort', adjust: (m) => role(m, 'mrr', { role: 'metric', type: 'number' }) }), 'row_problem', /row 3, column "mrr": "lots" is not a number/));
  it('24 ambiguous dates with no day/month order chosen', () => {
    const outcome = run('account_id,renewal\nA,03/04/2024\nB,05/06/2024\n');
    expectError(outcome, 'date_order_required', /column "renewal"/);
  });
  it('25 an event table read as snapshots (too many dates)', () => {
    const start = Date.UTC(2020, 0, 1);
    const lines = Array.from({ length: 1200 }, (_, i) => `A-${i % 3},${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${i}`);
    expectError(run(`account_id,date,events\n${lines.join('\n')}\n`), 'too_many_snapshot_dates', /looks like a table of events/);
  });
  it('26 a mapping that names a column the file lacks', () =>
    expectError(run('account_id,mrr\nA,1\n', { adjust: (m) => ({ ...m, columns: [...m.columns, { header: 'arr', role: 'arr', type: 'number' }] }) }), 'unknown_column'));
  it('27 two columns mapped as the account id', () =>
    expectError(run('account_id,crm_id,mrr\nA,1,1\n', { adjust: (m) => role(m, 'crm_id', { role: 'accountId', type: 'text' }) }), 'invalid_mapping', /Only one column/));
  it('28 a column whose every row fails', () => expectError(run('account_id,mrr\nA,x\nB,y\n', { adjust: (m) => role(m, 'mrr', { role: 'metric', type: 'number' }) }), 'no_valid_rows'));
});

describe('row problems and warnings in the report', () => {
  it('29 duplicate account ids in an accounts sheet', () => {
    const outcome = run('account_id,mrr\nA,1\nB,2\nA,3\n');
    expect(kinds(outcome)).toEqual(['duplicate_id']);
    const p = outcome.result!.report.problems[0];
    expect(p).toMatchObject({ file: 'broken.csv', row: 4, column: 'account_id', value: 'A' });
    expect(outcome.result!.dataset.snapshots[0].metrics[0].values).toEqual(Float64Array.from([1, 2]));
  });

  it('30 duplicate account ids within one snapshot date', () => {
    const outcome = run('account_id,date,mrr\nA,2024-01-31,1\nA,2024-02-29,2\nA,2024-01-31,3\n');
    expect(kinds(outcome)).toEqual(['duplicate_id']);
    expect(outcome.result!.report.problems[0].message).toMatch(/row 4.*for this snapshot date/);
    expect(outcome.result!.report.snapshotDates).toEqual(['2024-01-31', '2024-02-29']);
  });

  it('31 missing account ids', () => {
    const outcome = run('account_id,mrr\nA,1\n,2\nnull,3\nB,4\n');
    expect(kinds(outcome)).toEqual(['missing_id', 'missing_id']);
    expect(outcome.result!.report.problems.map((p) => p.row)).toEqual([3, 4]);
    expect(outcome.result!.dataset.accounts.keys).toEqual(['A', 'B']);
  });

  it('32 unparseable numbers are reported with file, row, column and value', () => {
    const outcome = run('account_id,mrr\nA,1\nB,12abc\nC,3\nD,4\nE,5\nF,6\nG,7\nH,8\nI,9\nJ,10\nK,11\n');
    expect(outcome.result!.report.problems).toEqual([
      { kind: 'unparseable', file: 'broken.csv', row: 3, column: 'mrr', value: '12abc', message: '"broken.csv" row 3, column "mrr": "12abc" is not a number.' },
    ]);
    expect(outcome.result!.report.sheets[0]).toMatchObject({ rowsRead: 11, rowsImported: 10, rowsSkipped: 1 });
  });

  it('33 ragged rows: extra cells are a problem, trailing empty cells and short rows are not', () => {
    const outcome = run('account_id,mrr,seats\nA,1,2,\nB,2,3,surprise\nC,3\n');
    expect(kinds(outcome)).toEqual(['extra_cells']);
    expect(warningCodes(outcome)).toContain('inconsistent_columns');
    const seats = outcome.result!.dataset.snapshots[0].metrics.find((m) => m.field.name === 'seats')!.values;
    expect(seats).toEqual(Float64Array.from([2, Number.NaN]));
  });

  it('34 every missing token is missing, not a problem', () => {
    const tokens = ['', ' ', 'N/A', 'NA', 'n/a', 'null', 'NULL', 'None', '-', '--', '#N/A', '#DIV/0!', '#VALUE!', '#REF!', 'NaN'];
    const rows = tokens.map((t, i) => `A-${i},${t},${t}`);
    const outcome = run(`account_id,mrr,churned\nZ,5,Yes\n${rows.join('\n')}\n`);
    expect(outcome.result!.report.problemCount).toBe(0);
    const mrr = outcome.result!.dataset.snapshots[0].metrics[0].values as Float64Array;
    expect(mrr[0]).toBe(5);
    expect([...mrr.slice(1)].every(Number.isNaN)).toBe(true);
    expect(outcome.result!.report.churnedCount).toBe(1);
  });

  it('35 a missing snapshot date', () => {
    const outcome = run('account_id,date,mrr\nA,2024-01-31,1\nA,,2\nA,2024-02-29,3\n');
    expect(kinds(outcome)).toEqual(['missing_date']);
  });

  it('36 an unparseable churn date and churn flag', () => {
    const text = 'account_id,churn_flag,churn_date,mrr\nA,Yes,2024-01-05,1\nB,maybe,,2\nC,No,,3\nD,Yes,last week,4\nE,No,,5\nF,No,,6\nG,No,,7\nH,No,,8\nI,No,,9\nJ,No,,10\nK,No,,11\nL,No,,12\n';
    const outcome = run(text, { adjust: (m) => role(role(m, 'churn_date', { role: 'churnDate', type: 'date', dateOrder: 'ymd' }), 'churn_flag', { role: 'churnedFlag', type: 'boolean' }) });
    expect(outcome.result!.report.problems.map((p) => [p.kind, p.column, p.value])).toEqual([
      ['unparseable', 'churn_flag', 'maybe'],
      ['unparseable', 'churn_date', 'last week'],
    ]);
  });

  it('37 more than 1,000 problems: the first 1,000 kept, all counted', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `A-${i},${i % 10 === 3 ? `bad${i}` : i}`);
    const outcome = run(`account_id,mrr\n${rows.join('\n')}\n`);
    expect(outcome.result!.report.problemCount).toBe(3000);
    expect(outcome.result!.report.problems).toHaveLength(1000);
    expect(outcome.result!.report.problems[0].row).toBe(5);
    expect(outcome.result!.report.accountCount).toBe(27_000);
  });

  it('38 duplicate and blank header names', () => {
    const outcome = run('account_id,Logins,Logins,,notes\nA,1,2,x,\nB,3,4,y,\n');
    expect(warningCodes(outcome)).toEqual(expect.arrayContaining(['duplicate_header', 'blank_header']));
    const names = outcome.result!.dataset.snapshots[0].metrics.map((m) => m.field.name);
    expect(names).toEqual(['Logins', 'Logins (2)']);
    expect(outcome.result!.dataset.accounts.attributes.map((a) => a.field.name)).toEqual(['Column D']);
  });

  it('39 text after a closing quote that later closes is warned about with its row', () => {
    const outcome = run('account_id,name,mrr\nA,"Acme" Inc,1\nB,"Globex",2\nC,Initech,3\n');
    expect(warningCodes(outcome)).toContain('malformed_quotes');
    expect(outcome.warnings!.find((w) => w.code === 'malformed_quotes')!.message).toContain('row 2');
  });

  it('39b text after a closing quote that never closes is an unterminated quote', () => {
    expectError(run('account_id,name,mrr\nA,"Acme" Inc,1\nB,Globex,2\n'), 'unterminated_quote', /row 2/);
  });

  it('40 invalid UTF-8 after a BOM is replaced and warned about', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('account_id,name\nA,B'), 0xff, ...utf8('C\n')]);
    const outcome = run(bytes);
    expect(warningCodes(outcome)).toContain('invalid_utf8');
    expect(outcome.result!.dataset.accounts.names).toEqual(['B\ufffdC']);
  });

  it('41 a colon-separated file reads as one column and says so', () => {
    const outcome = run('account_id:mrr\nA:1\nB:2\n');
    expect(outcome.error?.code).toBe('no_account_id');
    const parsed = parseDelimitedBytes(utf8('account_id:mrr\nA:1\nB:2\n'), { fileName: 'broken.csv' });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['single_column']);
  });

  it('42 Windows-1252 text with accented names imports', () => {
    const outcome = run(latin1('account_id,name,mrr\nA,Café Müller,1\n'));
    expect(outcome.result!.dataset.accounts.names).toEqual(['Café Müller']);
  });

  it('43 Excel error values in a numeric column are missing', () => {
    const outcome = run('account_id,ratio\nA,#DIV/0!\nB,0.5\nC,#VALUE!\n');
    expect(outcome.result!.report.problemCount).toBe(0);
    expect(outcome.result!.dataset.snapshots[0].metrics[0].values).toEqual(Float64Array.from([Number.NaN, 0.5, Number.NaN]));
  });
});
