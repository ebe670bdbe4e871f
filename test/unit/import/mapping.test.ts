import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/import/importError';
import { headerSignature, normaliseHeaderName } from '../../../shared/import/headerNames';
import { type SheetMapping, guessMapping, validateMapping } from '../../../shared/import/mapping';
import { applySavedMapping, findSavedMapping, parseSavedMapping, toSavedMapping } from '../../../shared/import/mappingFile';
import { prepareText } from './helpers';

function roles(text: string): Record<string, string> {
  const { guess } = prepareText(text);
  return Object.fromEntries(guess.columns.map((c) => [c.header, c.role]));
}

function rows(header: string, make: (i: number) => string, n = 40): string {
  return `${header}\n${Array.from({ length: n }, (_, i) => make(i)).join('\n')}\n`;
}

describe('header names', () => {
  it.each([
    ['customerID', 'customer_id'],
    ['Account ID', 'account_id'],
    ['AccountId', 'account_id'],
    ['SeniorCitizen', 'senior_citizen'],
    ['CSMName', 'csm_name'],
    ['MRR (€)', 'mrr'],
    ['  Churn?  ', 'churn'],
    ['Café Größe', 'cafe_große'],
    ['Выручка, ₽', 'выручка'],
  ])('%j normalises to %j', (h, n) => {
    expect(normaliseHeaderName(h)).toBe(n);
  });

  it('signs a header list regardless of order, case and punctuation', () => {
    expect(headerSignature(['Account ID', 'MRR', 'Churn'])).toBe(headerSignature(['churn', 'account_id', 'mrr']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['a', 'b', 'c']));
  });
});

describe('guessMapping', () => {
  it.each(['account_id', 'customerID', 'Account ID', 'CustomerId', 'client_key', 'company_number', 'id'])('%s is the account id', (h) => {
    expect(roles(rows(`${h},mrr`, (i) => `X${i},${i}`))[h]).toBe('accountId');
  });

  it('finds the churn flag from Yes/No, True/False and 0/1', () => {
    expect(roles(rows('account_id,Churn', (i) => `A${i},${i % 3 ? 'No' : 'Yes'}`)).Churn).toBe('churnedFlag');
    expect(roles(rows('account_id,churn_flag', (i) => `A${i},${i % 3 ? 'False' : 'True'}`)).churn_flag).toBe('churnedFlag');
    expect(roles(rows('account_id,churned', (i) => `A${i},${i % 3 ? 0 : 1}`)).churned).toBe('churnedFlag');
    // "churn_reason" is text, not a flag.
    expect(roles(rows('account_id,churn_reason', (i) => `A${i},${['price', 'support'][i % 2]}`)).churn_reason).toBe('attribute');
  });

  it('finds the churn date, ARR, metrics, attributes and ignored columns', () => {
    const text = rows('account_id,account_name,churn_date,ARR,annual revenue,logins,segment,feedback,signup_date,last_login,is_trial,crm_uuid', (i) =>
      [`A${i}`, `Company ${i}`, i % 4 === 0 ? '2024-03-01' : '', 1000 * i, 10 * i, i % 7, ['SMB', 'MM', 'ENT'][i % 3], `free text ${i} words`, '2023-01-15', '2024-06-01', i % 2 ? 'Yes' : 'No', `u-${i}`].join(','),
    );
    expect(roles(text)).toEqual({
      account_id: 'accountId',
      account_name: 'accountName',
      churn_date: 'churnDate',
      ARR: 'arr',
      'annual revenue': 'metric',
      logins: 'metric',
      segment: 'attribute',
      feedback: 'ignore',
      signup_date: 'attribute',
      last_login: 'metric',
      is_trial: 'attribute',
      crm_uuid: 'ignore',
    });
  });

  it('treats a high-cardinality text column as free text to ignore', () => {
    expect(roles(rows('account_id,comment_line', (i) => `A${i},words ${i}`, 300)).comment_line).toBe('ignore');
    expect(roles(rows('account_id,email', (i) => `A${i},user${i}@x.io`, 300)).email).toBe('ignore');
  });

  it('makes a date column the snapshot date only when account ids repeat', () => {
    const history = rows('account_id,as_of,logins', (i) => `A${i % 5},2024-0${1 + Math.floor(i / 5) % 8}-01,${i}`);
    const { guess } = prepareText(history);
    expect(guess.kind).toBe('snapshots');
    expect(guess.columns.find((c) => c.header === 'as_of')?.role).toBe('snapshotDate');
    const once = rows('account_id,as_of,logins', (i) => `A${i},2024-01-01,${i}`);
    expect(prepareText(once).guess.kind).toBe('accounts');
    expect(roles(once).as_of).toBe('attribute');
  });

  it('reads a sheet of repeated ids with churn dates as churn events', () => {
    const events = rows('event_id,account_id,churn_date,reason', (i) => `E${i},A${i % 10},2024-0${1 + (i % 9)}-15,price`);
    const { guess } = prepareText(events);
    expect(guess.kind).toBe('churnEvents');
    expect(guess.columns.map((c) => c.role)).toEqual(['ignore', 'accountId', 'churnDate', 'ignore']);
  });

  it('asks about an ambiguous date order and a missing id column', () => {
    const { guess } = prepareText(rows('region,renewal,mrr', (i) => `EU,0${1 + (i % 9)}/0${1 + (i % 7)}/2024,${i}`));
    expect(guess.decisions.map((d) => d.kind).sort()).toEqual(['accountId', 'dateOrder']);
    const order = guess.decisions.find((d) => d.kind === 'dateOrder')!;
    expect(order).toMatchObject({ header: 'renewal', candidates: ['mdy', 'dmy'] });
    expect(guess.columns.find((c) => c.header === 'renewal')?.dateOrder).toBeUndefined();
  });

  it('carries the decimal comma and a decided date order into the mapping', () => {
    const { guess } = prepareText('account_id;mrr;renewal\nA;1,5;16/10/2024\nB;2,25;01/02/2024\n');
    expect(guess.columns.find((c) => c.header === 'mrr')).toMatchObject({ role: 'metric', type: 'number', decimalComma: true });
    expect(guess.columns.find((c) => c.header === 'renewal')).toMatchObject({ type: 'date', dateOrder: 'dmy' });
  });
});

describe('validateMapping', () => {
  const headers = ['id', 'mrr', 'when'];
  const base: SheetMapping = {
    kind: 'accounts',
    columns: [
      { header: 'id', role: 'accountId', type: 'text' },
      { header: 'mrr', role: 'metric', type: 'number' },
      { header: 'when', role: 'ignore', type: 'date' },
    ],
  };
  const codeOf = (m: SheetMapping) => {
    try {
      validateMapping(m, headers, 'x.csv');
      return null;
    } catch (e) {
      return (e as ImportError).code;
    }
  };
  const patch = (i: number, p: object): SheetMapping => ({ ...base, columns: base.columns.map((c, j) => (j === i ? { ...c, ...p } : c)) });

  it('accepts a sound mapping', () => expect(codeOf(base)).toBeNull());
  it('needs an account id', () => expect(codeOf(patch(0, { role: 'ignore' }))).toBe('no_account_id'));
  it('refuses a role with the wrong type', () => expect(codeOf(patch(1, { role: 'arr', type: 'text' }))).toBe('invalid_mapping'));
  it('refuses a snapshot date outside a snapshots sheet', () => expect(codeOf(patch(2, { role: 'snapshotDate' }))).toBe('invalid_mapping'));
  it('accepts it in a snapshots sheet', () => expect(codeOf({ ...patch(2, { role: 'snapshotDate' }), kind: 'snapshots' })).toBeNull());
  it('refuses an unknown column', () => expect(codeOf({ ...base, columns: [...base.columns, { header: 'nope', role: 'metric', type: 'number' }] })).toBe('unknown_column'));
  it('refuses two metrics with one name', () => expect(codeOf(patch(2, { role: 'metric', type: 'date', name: 'MRR' }))).toBe('invalid_mapping'));
  it('refuses churn events without a churn date', () => expect(codeOf({ ...base, kind: 'churnEvents' })).toBe('nothing_mapped'));
});

describe('saved mapping files', () => {
  const headers = ['Account ID', 'MRR', 'Churn'];
  const mapping: SheetMapping = {
    kind: 'accounts',
    columns: [
      { header: 'Account ID', role: 'accountId', type: 'text' },
      { header: 'MRR', role: 'metric', type: 'number', decimalComma: true, name: 'mrr' },
      { header: 'Churn', role: 'churnedFlag', type: 'boolean' },
    ],
  };

  it('round-trips through JSON', () => {
    const saved = toSavedMapping(mapping, { label: 'CRM export', savedAt: '2024-06-30T10:00:00Z' });
    const back = parseSavedMapping(JSON.parse(JSON.stringify(saved)));
    expect(back).toEqual(saved);
    expect(back.schemaVersion).toBe(1);
    expect(back.headerSignature).toBe(headerSignature(headers));
  });

  it('is offered again for a file with the same headers in another order and case', () => {
    const saved = [toSavedMapping(mapping, { savedAt: '2024-01-01' }), toSavedMapping({ ...mapping, kind: 'accounts' }, { savedAt: '2024-05-01', label: 'newer' })];
    const other = ['churn', 'mrr', 'account id'];
    const found = findSavedMapping(saved, other);
    expect(found?.label).toBe('newer');
    const applied = applySavedMapping(found!, other);
    expect(applied.columns.map((c) => [c.header, c.role])).toEqual([
      ['churn', 'churnedFlag'],
      ['mrr', 'metric'],
      ['account id', 'accountId'],
    ]);
    expect(findSavedMapping(saved, ['Account ID', 'MRR'])).toBeNull();
  });

  it.each([
    [{}, /schemaVersion/],
    [{ ...toSavedMapping(mapping), schemaVersion: 2 }, /schemaVersion/],
    [{ ...toSavedMapping(mapping), headerSignature: 'x' }, /headerSignature: does not match/],
    [{ ...toSavedMapping(mapping), columns: mapping.columns.map((c) => ({ ...c, role: 'metric' })) }, /exactly one column must have the role accountId/],
    [{ ...toSavedMapping(mapping), columns: [...mapping.columns, { header: 'X', role: 'boss', type: 'text' }] }, /columns\.3\.role/],
    [{ ...toSavedMapping(mapping), extra: 1 }, /extra/],
  ])('refuses an invalid file (%#)', (json, message) => {
    expect(() => parseSavedMapping(json, '"m.json"')).toThrow(ImportError);
    expect(() => parseSavedMapping(json, '"m.json"')).toThrow(message);
  });
});

describe('the documented format', () => {
  it('parses the example in docs/import-mapping-format.md', async () => {
    const fs = await import('node:fs');
    const doc = fs.readFileSync(new URL('../../../docs/import-mapping-format.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(doc)![1];
    const saved = parseSavedMapping(JSON.parse(json), 'the documented example');
    expect(saved.columns).toHaveLength(8);
    expect(validateMapping(applySavedMapping(saved, saved.columns.map((c) => c.header)), saved.columns.map((c) => c.header), 'doc.csv')).toBeUndefined();
  });
});
