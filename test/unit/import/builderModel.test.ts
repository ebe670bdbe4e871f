// The DatasetBuilder against a plain model of what it must produce, for sheets of accounts and
// snapshots fed in batches of any size: missing ids, unparseable cells, missing and unparseable
// dates, duplicate ids per date, two dates, two sheets filling one snapshot, text metrics. It
// guards the builder's shortcuts (metrics appended per batch, one column per snapshot taken whole
// when a sheet's rows are every account once, in order, on one date) against the general path.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkspaceDataset } from '../../../shared/dataset';
import { isoToEpochDay } from '../../../shared/dates';
import { DatasetBuilder, type SheetMapping } from '../../../shared/import';
import { ImportError } from '../../../shared/import/importError';
import { batchOf } from '../../../shared/import/rowBatch';

const IMPORT_DATE = '2024-06-30';
type MetricName = 'm1' | 'm2' | 't1';
const isText = (m: MetricName) => m === 't1';

interface Sheet {
  kind: 'accounts' | 'snapshots';
  metrics: MetricName[];
  /** Cells in header order: id, then the date (snapshots), then the metrics. */
  rows: string[][];
}

const headersOf = (s: Sheet) => ['id', ...(s.kind === 'snapshots' ? ['date'] : []), ...s.metrics];

function mappingOf(s: Sheet): SheetMapping {
  return {
    kind: s.kind,
    columns: [
      { header: 'id', role: 'accountId', type: 'text' },
      ...(s.kind === 'snapshots' ? [{ header: 'date', role: 'snapshotDate' as const, type: 'date' as const }] : []),
      ...s.metrics.map((m) => ({ header: m, role: 'metric' as const, type: isText(m) ? ('text' as const) : ('number' as const) })),
    ],
  };
}

function build(sheets: Sheet[], batchSizes: number[]) {
  const builder = new DatasetBuilder({ importDate: IMPORT_DATE, onProblem: 'skipRow' });
  sheets.forEach((s, k) => {
    const reader = builder.addSheet({ fileName: `s${k}.csv`, headers: headersOf(s), mapping: mappingOf(s) });
    const size = batchSizes[k % batchSizes.length];
    for (let i = 0; i < s.rows.length; i += size) reader.push(batchOf(s.rows.slice(i, i + size), i + 2));
  });
  return builder.finish();
}

interface Expected {
  keys: string[];
  problems: [string, string, number][];
  sheets: [number, number][];
  snapshots: { asOf: string; present: number[]; metrics: [string, (number | string | null)[]][] }[];
  refused: boolean;
}

/** What the builder must produce, worked out row by row in the plainest way. */
function model(sheets: Sheet[]): Expected {
  const keys: string[] = [];
  const problems: Expected['problems'] = [];
  const accepted = sheets.map(() => [] as { account: number; day: string; cells: string[] }[]);
  sheets.forEach((s, k) => {
    const file = `s${k}.csv`;
    const dated = s.kind === 'snapshots';
    const seen = new Set<string>();
    s.rows.forEach((cells, r) => {
      const row = r + 2;
      const [id, ...rest] = cells;
      if (id === '') return problems.push(['missing_id', file, row]);
      const date = dated ? rest[0] : IMPORT_DATE;
      const values = dated ? rest.slice(1) : rest;
      const before = problems.length;
      if (date === 'nope') problems.push(['unparseable', file, row]);
      s.metrics.forEach((m, i) => {
        if (!isText(m) && values[i] === 'x') problems.push(['unparseable', file, row]);
      });
      if (date === '') problems.push(['missing_date', file, row]);
      if (problems.length > before) return;
      let account = keys.indexOf(id);
      if (account >= 0 && seen.has(`${date}|${account}`)) return problems.push(['duplicate_id', file, row]);
      if (account < 0) account = keys.push(id) - 1;
      seen.add(`${date}|${account}`);
      accepted[k].push({ account, day: date, cells: values });
    });
  });
  const n = keys.length;
  const order = sheets.map((s, k) => k).sort((a, b) => Number(sheets[a].kind === 'snapshots') - Number(sheets[b].kind === 'snapshots') || a - b);
  const days = [...new Set(accepted.flat().map((a) => a.day))].sort();
  const snapshots = days.map((day) => {
    const present = new Array<number>(n).fill(0);
    const columns = new Map<string, (number | string | null)[]>();
    for (const k of order) {
      const rows = accepted[k].filter((a) => a.day === day);
      if (rows.length === 0) continue;
      sheets[k].metrics.forEach((m, i) => {
        const column = columns.get(m) ?? new Array<number | string | null>(n).fill(isText(m) ? null : Number.NaN);
        columns.set(m, column);
        for (const { account, cells } of rows) {
          present[account] = 1;
          if (cells[i] !== '') column[account] = isText(m) ? cells[i] : Number(cells[i]);
        }
      });
    }
    return { asOf: day, present, metrics: [...columns] };
  });
  const sheetCounts = sheets.map((s, k): [number, number] => [accepted[k].length, s.rows.length - accepted[k].length]);
  return { keys, problems, sheets: sheetCounts, snapshots, refused: sheetCounts.some(([imported]) => imported === 0) };
}

function observed(dataset: WorkspaceDataset) {
  return dataset.snapshots.map((s) => ({
    asOf: s.asOf,
    present: Array.from(s.present),
    metrics: s.metrics.map((c): [string, (number | string | null)[]] => [c.field.name, Array.from(c.values as ArrayLike<number | string | null>)]),
  }));
}

function check(sheets: Sheet[], batchSizes: number[]): void {
  const want = model(sheets);
  if (want.refused) {
    expect(() => build(sheets, batchSizes)).toThrow(ImportError);
    return;
  }
  const { dataset, report } = build(sheets, batchSizes);
  expect(dataset.accounts.keys).toEqual(want.keys);
  expect(dataset.accounts.names).toEqual(want.keys);
  expect(observed(dataset)).toEqual(want.snapshots);
  // A snapshot's columns are new arrays of the accounts' count, never shared.
  const columns = dataset.snapshots.flatMap((s) => s.metrics.map((c) => c.values));
  expect(new Set(columns).size).toBe(columns.length);
  for (const c of columns) expect(c.length).toBe(want.keys.length);
  expect(report.problems.map((p) => [p.kind, p.file, p.row])).toEqual(want.problems);
  expect(report.problemCount).toBe(want.problems.length);
  expect(report.sheets.map((s) => [s.rowsImported, s.rowsSkipped])).toEqual(want.sheets);
}

const number = fc.constantFrom('0', '7', '42', '-3.5', '', 'x');
const text = fc.constantFrom('u', 'v', '');
const date = fc.constantFrom('2024-01-31', '2024-01-31', '2024-02-29', '', 'nope');

function metricCells(metrics: MetricName[]) {
  return fc.tuple(...metrics.map((m) => (isText(m) ? text : number)));
}

/** Every account once, in order, with clean cells, on one date: the rows a whole column is taken from. */
const wholeSheet = (kind: Sheet['kind'], metrics: MetricName[], count: number) =>
  fc.array(metricCells(metrics).map((cells) => cells.map((c) => (c === 'x' ? '1' : c))), { minLength: count, maxLength: count }).map(
    (rows): Sheet => ({ kind, metrics, rows: rows.map((cells, i) => [`a${i}`, ...(kind === 'snapshots' ? ['2024-01-31'] : []), ...cells]) }),
  );

const messySheet = (kind: Sheet['kind'], metrics: MetricName[]) =>
  fc
    .array(fc.tuple(fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', ''), date, metricCells(metrics)), { minLength: 1, maxLength: 14 })
    .map((rows): Sheet => ({ kind, metrics, rows: rows.map(([id, d, cells]) => [id, ...(kind === 'snapshots' ? [d] : []), ...cells]) }));

const sheetArb = fc
  .tuple(fc.constantFrom<Sheet['kind']>('accounts', 'snapshots'), fc.shuffledSubarray<MetricName>(['m1', 'm2', 't1'], { minLength: 1 }), fc.boolean(), fc.integer({ min: 1, max: 6 }))
  .chain(([kind, metrics, whole, count]) => (whole ? wholeSheet(kind, metrics, count) : messySheet(kind, metrics)));

describe('DatasetBuilder against a model', () => {
  it('builds what the model says for any sheets, batched any way', () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), (sheets, sizes) => check(sheets, sizes)),
      { numRuns: 600 },
    );
  });

  const accounts = (rows: string[][], metrics: MetricName[] = ['m1', 't1']): Sheet => ({ kind: 'accounts', metrics, rows });
  const snapshots = (rows: string[][], metrics: MetricName[] = ['m1']): Sheet => ({ kind: 'snapshots', metrics, rows });

  it('takes a whole column from a sheet of every account once, in order', () => {
    const sheet = accounts([
      ['a0', '1', 'u'],
      ['a1', '', 'v'],
      ['a2', '3', ''],
    ]);
    for (const size of [1, 2, 3]) check([sheet], [size]);
    const { dataset } = build([sheet], [2]);
    expect(observed(dataset)).toEqual([{ asOf: IMPORT_DATE, present: [1, 1, 1], metrics: [['m1', [1, Number.NaN, 3]], ['t1', ['u', 'v', null]]] }]);
  });

  it('does not take it when a row is skipped, duplicated, out of order or on another date', () => {
    check([accounts([['a0', '1', 'u'], ['a1', 'x', 'v'], ['a2', '3', '']])], [2]);
    check([accounts([['a0', '1', 'u'], ['a0', '2', 'v'], ['a1', '3', '']])], [1]);
    check([snapshots([['a0', '2024-01-31', '1'], ['a1', '2024-02-29', '2']])], [5]);
    check([snapshots([['a0', '2024-01-31', '1'], ['a1', '2024-01-31', '2'], ['a0', '2024-02-29', '5']])], [2]);
  });

  it('merges a second sheet into a column taken whole, a missing value never replacing a present one', () => {
    const first = accounts([['a0', '1', 'u'], ['a1', '2', 'v'], ['a2', '', '']]);
    const second = snapshots([['a2', '2024-06-30', '9'], ['a0', '2024-06-30', '']]);
    check([first, second], [2]);
    check([second, first], [1]);
    const { dataset } = build([first, second], [3]);
    expect(observed(dataset)[0].metrics[0]).toEqual(['m1', [1, 2, 9]]);
  });

  it('hands out arrays of its own: changing them changes nothing the builder keeps', () => {
    const builder = new DatasetBuilder({ importDate: IMPORT_DATE, onProblem: 'skipRow' });
    const sheets = [accounts([['a0', '1', 'u'], ['a1', '2', '']]), snapshots([['a1', IMPORT_DATE, 'w'], ['a0', IMPORT_DATE, '']], ['t1'])];
    sheets.forEach((s, k) => builder.addSheet({ fileName: `s${k}.csv`, headers: headersOf(s), mapping: mappingOf(s) }).push(batchOf(s.rows)));
    const first = builder.finish().dataset;
    expect(observed(first)[0].metrics).toEqual([['m1', [1, 2]], ['t1', ['u', 'w']]]);
    for (const column of first.snapshots[0].metrics) column.values.fill(null as never);
    expect(observed(builder.finish().dataset)[0].metrics).toEqual([['m1', [1, 2]], ['t1', ['u', 'w']]]);
  });

  it('takes the whole column of the sheet that covers every account even when it is read second', () => {
    const partial = snapshots([['a1', '2024-01-31', '5']]);
    const whole = snapshots([['a1', '2024-02-29', '1'], ['a0', '2024-02-29', '2']], ['m1', 'm2']);
    check([partial, whole], [1]);
    check([whole, partial], [2]);
  });
});
