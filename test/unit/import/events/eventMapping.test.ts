import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSignature } from '../../../../shared/import/headerNames';
import { type ColumnMapping, type EventSheetMapping, validateMapping } from '../../../../shared/import/mapping';
import { applySavedMapping, parseSavedMapping, toSavedMapping } from '../../../../shared/import/mappingFile';

const HEADERS = ['ticket_id', 'account_id', 'submitted_at', 'hours', 'escalated'];
const columns = (): ColumnMapping[] => [
  { header: 'ticket_id', role: 'ignore', type: 'text' },
  { header: 'account_id', role: 'accountId', type: 'text' },
  { header: 'submitted_at', role: 'ignore', type: 'date', dateOrder: 'ymd' },
  { header: 'hours', role: 'ignore', type: 'number' },
  { header: 'escalated', role: 'ignore', type: 'boolean' },
];
const mapping = (): EventSheetMapping => ({
  kind: 'events',
  columns: columns(),
  events: {
    date: 'submitted_at',
    lookbackDays: 30,
    aggregations: [
      { name: 'tickets_30d', op: 'count' },
      { name: 'hours_30d', op: 'sum', column: 'hours' },
      { name: 'escalations_30d', op: 'countTrue', column: 'escalated' },
    ],
  },
});

function refusal(change: (m: EventSheetMapping) => void): string {
  const m = mapping();
  change(m);
  try {
    validateMapping(m, HEADERS, 'tickets.csv');
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
}

describe('events mapping validation', () => {
  it('accepts a complete events mapping', () => {
    expect(refusal(() => undefined)).toBe('accepted');
  });

  it.each<[string, (m: EventSheetMapping) => void, RegExp]>([
    ['a metric role', (m) => (m.columns[3].role = 'metric'), /column "hours" has the role metric; in an events sheet a column is the accountId or ignore/],
    ['a date column read as text', (m) => (m.columns[2].type = 'text'), /events\.date "submitted_at" must be read as a date/],
    ['an unknown date column', (m) => (m.events.date = 'opened'), /events\.date names a column "opened" that the mapping does not list/],
    ['countTrue over numbers', (m) => (m.events.aggregations[2].column = 'hours'), /events\.aggregations\[2\] \(countTrue\) needs boolean values but column "hours" is read as number/],
    ['sum without a column', (m) => delete m.events.aggregations[1].column, /events\.aggregations\[1\] \(sum\) needs a "column" with number values/],
    ['count with a column', (m) => (m.events.aggregations[0].column = 'hours'), /events\.aggregations\[0\] \(count\) counts rows and reads no column/],
    ['two names alike', (m) => (m.events.aggregations[1].name = 'Tickets_30d'), /events\.aggregations\[1\] and events\.aggregations\[0\] are both named "Tickets_30d"/],
    ['a window of 0 days', (m) => (m.events.lookbackDays = 0), /events\.lookbackDays must be a whole number of days from 1 to 3660, not 0/],
    ['no aggregation', (m) => (m.events.aggregations = []), /events\.aggregations is empty/],
    ['no account id and no accountVia', (m) => (m.columns[1].role = 'ignore'), /No column of "tickets\.csv" is mapped as the account id, and events\.accountVia/],
    ['an account id and accountVia', (m) => (m.events.accountVia = { column: 'ticket_id', link: 'ticket_id' }), /events\.accountVia is for sheets without an account id/],
    ['an end column equal to the date', (m) => (m.events.end = 'submitted_at'), /events\.end must be another column than events\.date/],
  ])('refuses %s, naming the field', (_what, change, message) => {
    expect(refusal(change)).toMatch(message);
  });
});

describe('saved mappings with events', () => {
  it('round-trips through the saved format and respells headers for a file spelling them differently', () => {
    const saved = parseSavedMapping(JSON.parse(JSON.stringify(toSavedMapping(mapping(), { label: 'tickets' }))));
    const respelled = ['Ticket ID', 'Account ID', 'Submitted At', 'Hours', 'Escalated'];
    const applied = applySavedMapping(saved, respelled) as EventSheetMapping;
    expect(applied.kind).toBe('events');
    expect(applied.events.date).toBe('Submitted At');
    expect(applied.events.aggregations.map((a) => a.column)).toEqual([undefined, 'Hours', 'Escalated']);
    expect(() => validateMapping(applied, respelled, 'tickets.csv')).not.toThrow();
  });

  it('refuses an events kind without its block, and a block on another kind', () => {
    const saved = toSavedMapping(mapping());
    expect(() => parseSavedMapping({ ...saved, events: undefined }, 'm.json')).toThrow(/m\.json is not a valid column mapping: events: an events sheet needs an events block/);
    expect(() => parseSavedMapping({ ...saved, kind: 'accounts' }, 'm.json')).toThrow(/events: only an events sheet has an events block, not accounts/);
    expect(() => parseSavedMapping({ ...saved, events: { ...saved.events, aggregations: [{ name: 'x', op: 'median' }] } }, 'm.json')).toThrow(/events\.aggregations\.0\.op/);
  });

  it('still loads a mapping file of the old shape (no events, version 1)', () => {
    const old = {
      schemaVersion: 1,
      headerSignature: headerSignature(['Account ID', 'Logins', 'Churn']),
      savedAt: '2024-06-30T10:00:00Z',
      kind: 'accounts',
      columns: [
        { header: 'Account ID', role: 'accountId', type: 'text' },
        { header: 'Logins', role: 'metric', type: 'number' },
        { header: 'Churn', role: 'churnedFlag', type: 'boolean' },
      ],
    };
    const parsed = parseSavedMapping(old);
    expect(applySavedMapping(parsed, ['account_id', 'logins', 'churn'])).toEqual({
      kind: 'accounts',
      columns: [
        { header: 'account_id', role: 'accountId', type: 'text' },
        { header: 'logins', role: 'metric', type: 'number' },
        { header: 'churn', role: 'churnedFlag', type: 'boolean' },
      ],
    });
  });

  it('the RavenStack example mapping file is valid', () => {
    const file = path.resolve(__dirname, '../../../../docs/examples/ravenstack-mapping.json');
    const items = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
    expect(items.map((item) => parseSavedMapping(item).kind)).toEqual(['accounts', 'churnEvents', 'events', 'events', 'events']);
  });
});
