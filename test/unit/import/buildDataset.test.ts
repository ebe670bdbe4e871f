import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../../shared/dates';
import { DatasetBuilder, type SheetMapping, buildDataset } from '../../../shared/import';
import { ImportError } from '../../../shared/import/importError';
import { batchOf } from '../../../shared/import/rowBatch';
import { build, importText, prepareText } from './helpers';

const NaN_ = Number.NaN;

function column(dataset: { accounts: { attributes: { field: { name: string }; values: unknown }[] } }, name: string): unknown {
  return dataset.accounts.attributes.find((a) => a.field.name === name)?.values;
}

describe('one sheet of accounts with metrics', () => {
  const text = [
    'Account ID,Name,Segment,ARR,Logins,Adoption,Renewal,CSM assigned,Churned,Churn date',
    'A-1,Acme,Enterprise,"$120,000",10,45%,2024-09-30,Yes,No,',
    'A-2,Globex,SMB,N/A,3,12%,2024-12-31,No,Yes,2024-05-02',
    'A-3,,SMB,5000,,80%,,Yes,Yes,',
  ].join('\n');

  it('produces the columnar dataset', () => {
    const { dataset, report, guess } = importText(text, 'accounts.csv');
    expect(guess.kind).toBe('accounts');
    expect(dataset.accounts.keys).toEqual(['A-1', 'A-2', 'A-3']);
    expect(dataset.accounts.names).toEqual(['Acme', 'Globex', 'A-3']);
    expect(dataset.accounts.arr).toEqual(Float64Array.from([120000, NaN_, 5000]));
    expect(dataset.accounts.attributes.map((a) => a.field)).toEqual([
      { name: 'Segment', kind: 'text' },
      { name: 'Renewal', kind: 'date' },
      { name: 'CSM assigned', kind: 'boolean' },
    ]);
    expect(column(dataset, 'Segment')).toEqual(['Enterprise', 'SMB', 'SMB']);
    expect(column(dataset, 'Renewal')).toEqual(Float64Array.from([isoToEpochDay('2024-09-30'), isoToEpochDay('2024-12-31'), NaN_]));
    expect(column(dataset, 'CSM assigned')).toEqual(Float64Array.from([1, 0, 1]));
    expect(dataset.snapshots).toHaveLength(1);
    const [snapshot] = dataset.snapshots;
    expect(snapshot.asOf).toBe('2024-06-30');
    expect(snapshot.present).toEqual(Uint8Array.from([1, 1, 1]));
    expect(snapshot.metrics).toEqual([
      { field: { name: 'Logins', kind: 'number' }, values: Float64Array.from([10, 3, NaN_]) },
      { field: { name: 'Adoption', kind: 'number' }, values: Float64Array.from([45, 12, 80]) },
    ]);
    expect(dataset.churn).toEqual([
      { accountIndex: 1, churnDate: '2024-05-02' },
      { accountIndex: 2, churnDate: null },
    ]);
    expect(report).toMatchObject({ problemCount: 0, accountCount: 3, snapshotDates: ['2024-06-30'], churnedCount: 2, churnDatesKnown: 1 });
  });

  it('builds the same from batches of any size', () => {
    const prepared = prepareText(text, 'accounts.csv');
    const whole = build([prepared]).dataset;
    for (const size of [1, 2]) {
      const builder = new DatasetBuilder({ importDate: '2024-06-30', onProblem: 'skipRow' });
      const sheet = builder.addSheet({ fileName: 'accounts.csv', headers: prepared.parsed.header.headers, mapping: prepared.guess });
      for (let i = 0; i < prepared.parsed.rows.length; i += size) sheet.push(batchOf(prepared.parsed.rows.slice(i, i + size), i + 2));
      sheet.end();
      expect(builder.finish().dataset).toEqual(whole);
    }
  });

  it('stops at the first problem with abort, naming file, row, column and value', () => {
    const prepared = prepareText('id,mrr\nA,1\nB,2\nC,3\nD,4\nE,5\nF,6\nG,7\nH,8\nI,9\nJ,x\n', 'm.csv');
    expect(() => build([prepared], { onProblem: 'abort' })).toThrow('"m.csv" row 11, column "mrr": "x" is not a number.');
    expect(build([prepared]).report.problems[0]).toMatchObject({ row: 11, column: 'mrr', value: 'x' });
  });

  it('refuses an import date that is not YYYY-MM-DD', () => {
    expect(() => new DatasetBuilder({ importDate: '30.06.2024', onProblem: 'skipRow' })).toThrow(ImportError);
  });
});

describe('several sheets joined by account id', () => {
  const accounts = prepareText('account_id,account_name,tier,churn_flag\nA,Acme,Gold,False\nB,Globex,Silver,True\nC,Initech,Gold,True\nD,Umbrella,Bronze,False\n', 'accounts.csv');
  const snapshots = prepareText(
    ['account_id,as_of,logins,tickets,tier', 'A,2024-02-29,5,1,Platinum', 'B,2024-01-31,3,0,', 'A,2024-01-31,4,2,Gold', 'X,2024-02-29,9,0,Gold', 'B,2024-02-29,,4,'].join('\n'),
    'snapshots.csv',
  );
  const events = prepareText('event_id,account_id,churn_date\nE1,B,2024-03-10\nE2,B,2023-05-01\nE3,D,2024-01-15\nE4,A,2022-02-02\n', 'churn.csv');

  it('guesses each sheet kind', () => {
    expect([accounts.guess.kind, snapshots.guess.kind, events.guess.kind]).toEqual(['accounts', 'snapshots', 'churnEvents']);
  });

  it('joins accounts, snapshots by date and churn events', () => {
    const { dataset, report } = build([accounts, snapshots, events]);
    expect(dataset.accounts.keys).toEqual(['A', 'B', 'C', 'D', 'X']);
    expect(dataset.accounts.names).toEqual(['Acme', 'Globex', 'Initech', 'Umbrella', 'X']);
    // The accounts sheet wins over the snapshots sheet for the same attribute.
    expect(column(dataset, 'tier')).toEqual(['Gold', 'Silver', 'Gold', 'Bronze', 'Gold']);
    expect(dataset.snapshots.map((s) => s.asOf)).toEqual(['2024-01-31', '2024-02-29']);
    const [jan, feb] = dataset.snapshots;
    expect(jan.present).toEqual(Uint8Array.from([1, 1, 0, 0, 0]));
    expect(feb.present).toEqual(Uint8Array.from([1, 1, 0, 0, 1]));
    expect(jan.metrics.map((m) => m.field.name)).toEqual(['logins', 'tickets']);
    expect(jan.metrics[0].values).toEqual(Float64Array.from([4, 3, NaN_, NaN_, NaN_]));
    expect(feb.metrics[0].values).toEqual(Float64Array.from([5, NaN_, NaN_, NaN_, 9]));
    expect(feb.metrics[1].values).toEqual(Float64Array.from([1, 4, NaN_, NaN_, 0]));
    // Flags decide; dates come from events (the latest); events of unflagged accounts are ignored.
    expect(dataset.churn).toEqual([
      { accountIndex: 1, churnDate: '2024-03-10' },
      { accountIndex: 2, churnDate: null },
    ]);
    expect(report.warnings.map((w) => [w.code, w.file, w.count])).toEqual([
      ['unknown_accounts', 'snapshots.csv', 1],
      ['churn_ignored', 'churn.csv', 2],
    ]);
    expect(report.warnings[0].message).toContain('e.g. X');
    expect(report.sheets.map((s) => [s.file, s.kind, s.rowsImported])).toEqual([
      ['accounts.csv', 'accounts', 4],
      ['snapshots.csv', 'snapshots', 5],
      ['churn.csv', 'churnEvents', 4],
    ]);
  });

  it('gives the same dataset whatever order the sheets come in (up to account order)', () => {
    const a = build([accounts, snapshots, events]).dataset;
    const b = build([events, snapshots, accounts]).dataset;
    const byKey = (d: typeof a) => Object.fromEntries(d.accounts.keys.map((k, i) => [k, [d.accounts.names[i], (column(d, 'tier') as string[])[i], d.churn.find((c) => c.accountIndex === i)?.churnDate]]));
    expect(byKey(b)).toEqual(byKey(a));
  });

  it('without a churn flag, events and churn dates mean churned', () => {
    const noFlag = prepareText('account_id,account_name\nA,Acme\nB,Globex\nC,Initech\n', 'accounts.csv');
    const { dataset } = build([noFlag, events]);
    expect(dataset.churn).toEqual([
      { accountIndex: 0, churnDate: '2022-02-02' },
      { accountIndex: 1, churnDate: '2024-03-10' },
      { accountIndex: 3, churnDate: '2024-01-15' },
    ]);
  });

  it('takes account-level columns of a snapshots sheet from each account\'s latest row', () => {
    const { dataset } = build([snapshots]);
    expect(column(dataset, 'tier')).toEqual(['Platinum', null, 'Gold']);
  });

  it('merges two sheets that fill the same snapshot date', () => {
    const one = prepareText('account_id,mrr\nA,10\nB,20\n', 'one.csv');
    const two = prepareText('account_id,logins,mrr\nB,5,\nC,7,30\n', 'two.csv');
    const { dataset } = build([one, { ...two, mapping: { ...two.guess, kind: 'snapshots' } }]);
    expect(dataset.snapshots).toHaveLength(1);
    const [snapshot] = dataset.snapshots;
    expect(snapshot.present).toEqual(Uint8Array.from([1, 1, 1]));
    expect(snapshot.metrics.map((m) => [m.field.name, [...(m.values as Float64Array)]])).toEqual([
      ['mrr', [10, 20, 30]],
      ['logins', [NaN_, 5, 7]],
    ]);
  });

  it('refuses an attribute that is a number in one sheet and text in another', () => {
    const one = prepareText('account_id,size\nA,1\nB,2\n', 'one.csv');
    const two = prepareText('account_id,size\nA,big\nB,small\n', 'two.csv');
    const mapping = (m: SheetMapping): SheetMapping => ({ ...m, columns: m.columns.map((c) => (c.header === 'size' ? { ...c, role: 'attribute' } : c)) });
    expect(() => build([{ ...one, mapping: mapping(one.guess) }, { ...two, mapping: mapping(two.guess) }])).toThrow(/"size" is number in one sheet and text in another/);
  });
});

describe('value types in mapped columns', () => {
  it('reads Excel serial numbers in a column mapped as a date, in either date system', () => {
    const prepared = prepareText('account_id,renewal\nA,45213\nB,2024-10-16\nC,\n', 'x.csv');
    const asDate = (system: 1900 | 1904): SheetMapping => ({
      kind: 'accounts',
      columns: [
        { header: 'account_id', role: 'accountId', type: 'text' },
        { header: 'renewal', role: 'attribute', type: 'date', dateOrder: 'ymd', excelDateSystem: system },
      ],
    });
    expect(column(build([{ ...prepared, mapping: asDate(1900) }]).dataset, 'renewal')).toEqual(
      Float64Array.from([isoToEpochDay('2023-10-14'), isoToEpochDay('2024-10-16'), NaN_]),
    );
    expect((column(build([{ ...prepared, mapping: asDate(1904) }]).dataset, 'renewal') as Float64Array)[0]).toBe(isoToEpochDay('2027-10-15'));
  });

  it('reads dates in the order the user chose', () => {
    const prepared = prepareText('account_id,renewal\nA,03/04/2024\nB,05/06/2024\n', 'x.csv');
    const chosen: SheetMapping = {
      kind: 'accounts',
      columns: [
        { header: 'account_id', role: 'accountId', type: 'text' },
        { header: 'renewal', role: 'attribute', type: 'date', dateOrder: 'dmy' },
      ],
    };
    expect(column(build([{ ...prepared, mapping: chosen }]).dataset, 'renewal')).toEqual(Float64Array.from([isoToEpochDay('2024-04-03'), isoToEpochDay('2024-06-05')]));
  });

  it('keeps text metrics and renamed fields', () => {
    const prepared = prepareText('account_id,Pulse,MRR\nA,Green,1\nB,,2\n', 'x.csv');
    const mapping: SheetMapping = {
      kind: 'accounts',
      columns: [
        { header: 'account_id', role: 'accountId', type: 'text' },
        { header: 'Pulse', role: 'metric', type: 'text', name: 'csm_pulse' },
        { header: 'MRR', role: 'metric', type: 'number', name: 'mrr' },
      ],
    };
    const { dataset } = build([{ ...prepared, mapping }]);
    expect(dataset.snapshots[0].metrics).toEqual([
      { field: { name: 'csm_pulse', kind: 'text' }, values: ['Green', null] },
      { field: { name: 'mrr', kind: 'number' }, values: Float64Array.from([1, 2]) },
    ]);
  });

  it('makes no snapshot from a sheet without metrics', () => {
    const { dataset } = importText('account_id,segment\nA,SMB\nB,ENT\n');
    expect(dataset.snapshots).toEqual([]);
  });

  it('accepts rows given directly (as an XLSX reader would)', () => {
    const { dataset } = buildDataset(
      [
        {
          fileName: 'Book1.xlsx#Accounts',
          headers: ['id', 'mrr'],
          mapping: { kind: 'accounts', columns: [{ header: 'id', role: 'accountId', type: 'text' }, { header: 'mrr', role: 'metric', type: 'number' }] },
          batches: [batchOf([['1001', '12.5'], ['1002', '']])],
        },
      ],
      { importDate: '2024-01-01', onProblem: 'abort' },
    );
    expect(dataset.accounts.keys).toEqual(['1001', '1002']);
    expect(dataset.snapshots[0].metrics[0].values).toEqual(Float64Array.from([12.5, NaN_]));
  });
});
