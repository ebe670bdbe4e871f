// The "events" sheet kind: a table with one row per event (a support ticket, a usage record, a
// subscription) that becomes snapshot metrics by aggregation, per account and snapshot date. The
// mapping's `events` block names the date column and the aggregations; validateEventMapping checks
// it against the sheet's columns with errors that name the field and why.

import { ImportError, quoted } from '../importError';
import type { ColumnMapping } from '../mapping';

/** Aggregations over the events dated in the window (D − lookbackDays, D] of a snapshot date D. */
export const WINDOW_OPS = ['count', 'sum', 'mean', 'max', 'countTrue'] as const;
/** State as of D: the rows active at D (date ≤ D < end; a blank end is still active). */
export const ACTIVE_OPS = ['activeCount', 'activeSum'] as const;
export const AGGREGATION_OPS = [...WINDOW_OPS, ...ACTIVE_OPS] as const;
export type AggregationOp = (typeof AGGREGATION_OPS)[number];

export const DEFAULT_LOOKBACK_DAYS = 30;
export const MAX_LOOKBACK_DAYS = 3660;

/** The type of the value column each op reads (null: the op reads no column). */
export const OP_COLUMN_TYPES: Record<AggregationOp, 'number' | 'boolean' | null> = {
  count: null,
  sum: 'number',
  mean: 'number',
  max: 'number',
  countTrue: 'boolean',
  activeCount: null,
  activeSum: 'number',
};

export interface EventAggregation {
  /** The snapshot metric it produces (one value per account and snapshot date). */
  name: string;
  op: AggregationOp;
  /** The header of the value column (sum, mean, max, countTrue, activeSum). */
  column?: string;
}

/** How a sheet whose rows do not carry the account id reaches the account. */
export interface AccountVia {
  /** This sheet's column holding the linking id (e.g. subscription_id). */
  column: string;
  /** A link another events sheet of the same import publishes in its `links` (matched by normalised name). */
  link: string;
}

export interface EventTableOptions {
  /** Header of the event date column (for active ops: the start date). */
  date: string;
  /** Header of the end date column (active ops); a blank end means still active. */
  end?: string;
  /** Window of the window ops, in days (default 30). */
  lookbackDays?: number;
  /** Without an accountId column: the id that reaches the account through another events sheet. */
  accountVia?: AccountVia;
  /** Headers of columns whose values other events sheets may use to reach this sheet's account. */
  links?: string[];
  aggregations: EventAggregation[];
}

export interface EventSheetMapping {
  kind: 'events';
  columns: ColumnMapping[];
  events: EventTableOptions;
}

function fail(fileName: string, message: string): never {
  throw new ImportError('invalid_mapping', `The events mapping of ${quoted(fileName)}: ${message}`, fileName);
}

/**
 * Checks an events mapping (its columns already known to exist once each): one account id column or
 * `accountVia`, a date column read as dates, aggregations with unique names whose value columns
 * exist with the type the op needs. Throws `invalid_mapping` / `no_account_id`.
 */
export function validateEventMapping(mapping: EventSheetMapping, fileName: string): void {
  const { events } = mapping;
  const byHeader = new Map(mapping.columns.map((c) => [c.header, c]));
  const column = (field: string, header: string): ColumnMapping => {
    const c = byHeader.get(header);
    if (!c) fail(fileName, `${field} names a column "${header}" that the mapping does not list.`);
    return c;
  };
  for (const c of mapping.columns) {
    if (c.role !== 'accountId' && c.role !== 'ignore') {
      fail(fileName, `column "${c.header}" has the role ${c.role}; in an events sheet a column is the accountId or ignore, and metrics come from events.aggregations.`);
    }
  }
  const ids = mapping.columns.filter((c) => c.role === 'accountId');
  if (ids.length > 1) fail(fileName, `only one column can be the accountId; ${ids.map((c) => `"${c.header}"`).join(' and ')} both are.`);
  if (ids.length === 0 && !events.accountVia) {
    throw new ImportError('no_account_id', `No column of ${quoted(fileName)} is mapped as the account id, and events.accountVia does not say how its rows reach an account.`, fileName);
  }
  if (ids.length === 1 && events.accountVia) fail(fileName, `events.accountVia is for sheets without an account id, but "${ids[0].header}" is the accountId.`);
  if (events.accountVia) column('events.accountVia.column', events.accountVia.column);
  for (const header of events.links ?? []) column('events.links', header);
  if (column('events.date', events.date).type !== 'date') fail(fileName, `events.date "${events.date}" must be read as a date (its type is ${byHeader.get(events.date)?.type}).`);
  if (events.end !== undefined) {
    if (events.end === events.date) fail(fileName, 'events.end must be another column than events.date.');
    if (column('events.end', events.end).type !== 'date') fail(fileName, `events.end "${events.end}" must be read as a date.`);
  }
  const w = events.lookbackDays;
  if (w !== undefined && !(Number.isInteger(w) && w >= 1 && w <= MAX_LOOKBACK_DAYS)) fail(fileName, `events.lookbackDays must be a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}, not ${w}.`);
  if (events.aggregations.length === 0) fail(fileName, 'events.aggregations is empty: add at least one (e.g. { "name": "tickets_30d", "op": "count" }).');
  const names = new Map<string, number>();
  events.aggregations.forEach((a, i) => {
    const field = `events.aggregations[${i}]`;
    const key = a.name.trim().toLowerCase();
    if (key === '') fail(fileName, `${field}.name is empty.`);
    if (names.has(key)) fail(fileName, `${field} and events.aggregations[${names.get(key)}] are both named "${a.name}".`);
    names.set(key, i);
    const needs = OP_COLUMN_TYPES[a.op];
    if (needs === null) {
      if (a.column !== undefined) fail(fileName, `${field} (${a.op}) counts rows and reads no column; remove "column".`);
    } else {
      if (a.column === undefined) fail(fileName, `${field} (${a.op}) needs a "column" with ${needs} values.`);
      const c = column(`${field}.column`, a.column);
      if (c.type !== needs) fail(fileName, `${field} (${a.op}) needs ${needs} values but column "${a.column}" is read as ${c.type}.`);
    }
  });
}
