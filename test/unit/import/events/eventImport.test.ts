import { describe, expect, it } from 'vitest';
import { batchOf, buildWorkspaceImport, type ImportMapping, type ImportSheet } from '../../../../shared/import';
import type { ColumnMapping } from '../../../../shared/import/mapping';
import type { EventTableOptions } from '../../../../shared/import/events';

const col = (header: string, role: ColumnMapping['role'], type: ColumnMapping['type']): ColumnMapping => ({ header, role, type });

function sheet(fileName: string, csv: string, mapping: ImportMapping): ImportSheet {
  const [header, ...rows] = csv.trim().split('\n');
  return { fileName, headers: header.split(','), mapping, batches: [batchOf(rows.map((r) => r.split(',')))] };
}

const accounts = sheet('accounts.csv', 'id,name\nA,Alpha\nB,Beta\nC,Gamma', { kind: 'accounts', columns: [col('id', 'accountId', 'text'), col('name', 'accountName', 'text')] });

function events(fileName: string, csv: string, columns: ColumnMapping[], options: EventTableOptions): ImportSheet {
  return sheet(fileName, csv, { kind: 'events', columns, events: options });
}

const tickets = (csv: string, options: Partial<EventTableOptions> = {}) =>
  events('tickets.csv', csv, [col('account', 'accountId', 'text'), col('opened', 'ignore', 'date'), col('hours', 'ignore', 'number')], {
    date: 'opened',
    aggregations: [
      { name: 'tickets', op: 'count' },
      { name: 'hours', op: 'sum', column: 'hours' },
    ],
    ...options,
  });

const build = (sheets: ImportSheet[]) => buildWorkspaceImport(sheets, { importDate: '2024-06-30', onProblem: 'skipRow' });

function valuesAt(result: ReturnType<typeof build>, asOf: string, name: string): number[] {
  const snapshot = result.dataset.snapshots.find((s) => s.asOf === asOf);
  const metric = snapshot?.metrics.find((m) => m.field.name === name);
  if (!metric) throw new Error(`no ${name} at ${asOf}`);
  return Array.from(metric.values as Float64Array);
}

describe('events sheets in an import', () => {
  it('aggregates at month starts covering the events, per account, with unknown ids as row problems', () => {
    const result = build([accounts, tickets('account,opened,hours\nA,2024-01-15,2\nA,2024-02-01,3\nB,2024-01-31,1\nZ,2024-01-20,9\nC,,4\nC,2024-01-02,x')]);
    expect(result.report.snapshotDates).toEqual(['2024-01-01', '2024-02-01']);
    // 2024-02-01 window (2024-01-02, 2024-02-01]: A has 01-15 and 02-01, B has 01-31.
    expect(valuesAt(result, '2024-02-01', 'tickets')).toEqual([2, 1, 0]);
    expect(valuesAt(result, '2024-02-01', 'hours')).toEqual([5, 1, 0]);
    expect(valuesAt(result, '2024-01-01', 'tickets')).toEqual([0, 0, 0]);
    const problems = result.report.problems.map((p) => [p.kind, p.row, p.column, p.value]);
    expect(problems).toEqual([
      ['missing_date', 6, 'opened', null],
      ['unparseable', 7, 'hours', 'x'],
      ['unknown_account', 5, 'account', 'Z'],
    ]);
    expect(result.report.problemCount).toBe(3);
    expect(result.report.sheets[1]).toEqual({ file: 'tickets.csv', kind: 'events', rowsRead: 6, rowsImported: 3, rowsSkipped: 3 });
    // Present from an account's first event on: nobody on 2024-01-01, A and B on 2024-02-01.
    expect(Array.from(result.dataset.snapshots[1].present)).toEqual([1, 1, 0]);
    expect(Array.from(result.dataset.snapshots[0].present)).toEqual([0, 0, 0]);
    expect(result.dataset.accounts.keys).toEqual(['A', 'B', 'C']); // events never add accounts
  });

  it('uses the snapshot dates of the other sheets, and warns about events after the last one', () => {
    const snapshots = sheet('monthly.csv', 'id,date,nps\nA,2024-03-01,7\nB,2024-04-01,9', {
      kind: 'snapshots',
      columns: [col('id', 'accountId', 'text'), col('date', 'snapshotDate', 'date'), col('nps', 'metric', 'number')],
    });
    const result = build([snapshots, tickets('account,opened,hours\nA,2024-03-01,1\nA,2024-02-01,1\nB,2024-04-02,1', { lookbackDays: 60 })]);
    expect(result.report.snapshotDates).toEqual(['2024-03-01', '2024-04-01']);
    expect(valuesAt(result, '2024-03-01', 'tickets')).toEqual([2, 0]);
    expect(valuesAt(result, '2024-04-01', 'tickets')).toEqual([1, 0]); // 2024-02-01 is 60 days before: out
    expect(valuesAt(result, '2024-04-01', 'nps')).toEqual([Number.NaN, 9]);
    expect(result.report.warnings).toEqual([expect.objectContaining({ code: 'events_outside_snapshots', file: 'tickets.csv', count: 1 })]);
  });

  it('reaches accounts through a link another events sheet publishes', () => {
    const subs = events('subs.csv', 'sub,account,start,end,arr\nS1,A,2024-01-01,,100\nS2,B,2024-01-10,2024-02-01,50\nS3,Q,2024-01-01,,1', [
      col('sub', 'ignore', 'text'),
      col('account', 'accountId', 'text'),
      col('start', 'ignore', 'date'),
      col('end', 'ignore', 'date'),
      col('arr', 'ignore', 'number'),
    ], { date: 'start', end: 'end', links: ['sub'], aggregations: [{ name: 'arr', op: 'activeSum', column: 'arr' }] });
    const usage = events('usage.csv', 'Sub,day,n\nS1,2024-01-20,3\nS2,2024-01-21,4\nS9,2024-01-22,5\nS3,2024-01-23,6', [col('Sub', 'ignore', 'text'), col('day', 'ignore', 'date'), col('n', 'ignore', 'number')], {
      date: 'day',
      accountVia: { column: 'Sub', link: 'sub' },
      aggregations: [{ name: 'usage', op: 'sum', column: 'n' }],
    });
    const result = build([usage, accounts, subs]);
    expect(result.report.snapshotDates).toEqual(['2024-01-01', '2024-02-01']);
    expect(valuesAt(result, '2024-02-01', 'usage')).toEqual([3, 4, 0]);
    expect(valuesAt(result, '2024-01-01', 'arr')).toEqual([100, 0, 0]);
    expect(valuesAt(result, '2024-02-01', 'arr')).toEqual([100, 0, 0]); // S2 ended on 2024-02-01
    expect(result.report.sheets.map((s) => s.file)).toEqual(['usage.csv', 'accounts.csv', 'subs.csv']);
    const unknown = result.report.problems.filter((p) => p.kind === 'unknown_account').map((p) => [p.file, p.value, p.message.replace(/^.*?: "[^"]*" /, '')]);
    expect(unknown).toEqual([
      ['usage.csv', 'S9', 'is in no row of "subs.csv" (as sub); this row was left out.'],
      ['usage.csv', 'S3', 'leads to account "Q", which is in no accounts, snapshots or churn events sheet of this import; this row was left out.'],
      ['subs.csv', 'Q', 'is in no accounts, snapshots or churn events sheet of this import; this row was left out.'],
    ]);
  });

  it('refuses a link nobody publishes, an events-only import and a metric name used twice', () => {
    const usage = events('usage.csv', 'sub,day\nS1,2024-01-20', [col('sub', 'ignore', 'text'), col('day', 'ignore', 'date')], {
      date: 'day',
      accountVia: { column: 'sub', link: 'subscription_id' },
      aggregations: [{ name: 'usage', op: 'count' }],
    });
    expect(() => build([accounts, usage])).toThrow(/"usage\.csv" reaches its accounts through "subscription_id", but no other events sheet/);
    expect(() => build([tickets('account,opened,hours\nA,2024-01-15,2')])).toThrow(/needs an accounts, snapshots or churn events sheet too/);
    const snapshots = sheet('monthly.csv', 'id,date,tickets\nA,2024-03-01,7', {
      kind: 'snapshots',
      columns: [col('id', 'accountId', 'text'), col('date', 'snapshotDate', 'date'), col('tickets', 'metric', 'number')],
    });
    expect(() => build([snapshots, tickets('account,opened,hours\nA,2024-01-15,2')])).toThrow(/The aggregation "tickets" of "tickets\.csv" has the name of a metric of another sheet/);
  });
});
