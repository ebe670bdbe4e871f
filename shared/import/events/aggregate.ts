// Event rows → one value per account and snapshot date, columnar. Window ops aggregate the events
// dated in (D − lookbackDays, D]: an event dated D counts at D, one dated D − lookbackDays does not, and
// nothing dated after D counts (the back-test's no-peeking rule). Active ops take the rows active at
// D: date ≤ D < end (a missing end is still active; a row ending on or before its date never is).
// Without events in the window an account gets 0 for count, sum and countTrue, missing for mean and max.

import type { AggregationOp } from './eventMapping';

/** Resolved event rows: `account` is the account index, −1 for rows left out. */
export interface EventColumns {
  account: Int32Array;
  day: Float64Array;
  /** NaN: no end (still active). Null: the sheet has no end column. */
  end: Float64Array | null;
  /** The value columns the aggregations read; NaN is missing, booleans are 1/0. */
  values: Float64Array[];
}

export interface AggregationPlan {
  op: AggregationOp;
  /** Index into EventColumns.values; −1 for count and activeCount. */
  value: number;
}

/** First index whose day is greater than x, in days sorted ascending. */
function upperBound(days: Float64Array, x: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Row indices whose key is a number and account known, sorted by that key (stable). */
interface SortedRows {
  rows: Int32Array;
  keys: Float64Array;
}

function sortedRows(key: Float64Array, account: Int32Array): SortedRows {
  const picked: number[] = [];
  for (let i = 0; i < key.length; i++) if (account[i] >= 0 && !Number.isNaN(key[i])) picked.push(i);
  picked.sort((a, b) => key[a] - key[b] || a - b);
  const rows = Int32Array.from(picked);
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = key[rows[i]];
  return { rows, keys };
}

function initial(op: AggregationOp, n: number): Float64Array {
  return op === 'mean' || op === 'max' ? new Float64Array(n).fill(Number.NaN) : new Float64Array(n);
}

/** One window op for every date: out[d][account]. */
function lookbackAggregate(events: EventColumns, byDay: SortedRows, plan: AggregationPlan, dates: Float64Array, lookbackDays: number, n: number): Float64Array[] {
  const { rows, keys } = byDay;
  const values = plan.value >= 0 ? events.values[plan.value] : null;
  const counts = plan.op === 'mean' ? new Float64Array(n) : null;
  return Array.from(dates, (date) => {
    const out = initial(plan.op === 'mean' ? 'sum' : plan.op, n);
    const from = upperBound(keys, date - lookbackDays);
    const to = upperBound(keys, date);
    if (counts) counts.fill(0);
    for (let r = from; r < to; r++) {
      const row = rows[r];
      const a = events.account[row];
      if (values === null) {
        out[a]++;
        continue;
      }
      const v = values[row];
      if (Number.isNaN(v)) continue;
      if (plan.op === 'countTrue') {
        if (v === 1) out[a]++;
      } else if (plan.op === 'max') {
        if (!(out[a] >= v)) out[a] = v;
      } else {
        out[a] += v;
        if (counts) counts[a]++;
      }
    }
    if (counts) for (let a = 0; a < n; a++) out[a] = counts[a] > 0 ? out[a] / counts[a] : Number.NaN;
    return out;
  });
}

/**
 * Active ops for every date by one sweep over the dates (ascending): a row joins on its date and
 * leaves on its end, so the work is rows + dates × accounts rather than rows × dates.
 */
function activeAggregate(events: EventColumns, plans: AggregationPlan[], dates: Float64Array, n: number): Float64Array[][] {
  const { account, day, end } = events;
  // A row that ends on or before it starts is never active.
  const usable = Int32Array.from(account, (a, i) => (a >= 0 && !(end !== null && end[i] <= day[i]) ? a : -1));
  const starts = sortedRows(day, usable);
  const ends = end ? sortedRows(end, usable) : { rows: new Int32Array(0), keys: new Float64Array(0) };
  const activeRows = new Float64Array(n);
  const sums = plans.map((p) => (p.value >= 0 ? new Float64Array(n) : null));
  const apply = (row: number, sign: 1 | -1) => {
    const a = usable[row];
    activeRows[a] += sign;
    plans.forEach((p, k) => {
      const v = p.value >= 0 ? events.values[p.value][row] : Number.NaN;
      if (!Number.isNaN(v)) (sums[k] as Float64Array)[a] += sign * v;
    });
    // Adding then subtracting fractions can leave a residue; an account with nothing active has 0.
    if (activeRows[a] === 0) for (const s of sums) if (s) s[a] = 0;
  };
  let s = 0;
  let e = 0;
  const out: Float64Array[][] = [];
  for (const date of dates) {
    for (; s < starts.rows.length && starts.keys[s] <= date; s++) apply(starts.rows[s], 1);
    for (; e < ends.rows.length && ends.keys[e] <= date; e++) apply(ends.rows[e], -1);
    out.push(plans.map((p, k) => (p.op === 'activeCount' ? activeRows.slice() : (sums[k] as Float64Array).slice())));
  }
  return out;
}

/**
 * Every plan's values for every date: result[d][k] is plan k's column (one value per account) at
 * dates[d]. `dates` are epoch days, ascending; `n` is the number of accounts.
 */
export function aggregateEvents(events: EventColumns, plans: readonly AggregationPlan[], dates: Float64Array, lookbackDays: number, n: number): Float64Array[][] {
  for (let d = 1; d < dates.length; d++) if (!(dates[d] > dates[d - 1])) throw new Error('aggregateEvents: dates must be ascending and distinct');
  const result: Float64Array[][] = Array.from(dates, () => new Array<Float64Array>(plans.length));
  const active = plans.map((p, k) => ({ p, k })).filter(({ p }) => p.op === 'activeCount' || p.op === 'activeSum');
  if (active.length > 0) {
    const byDate = activeAggregate(events, active.map(({ p }) => p), dates, n);
    byDate.forEach((columns, d) => active.forEach(({ k }, j) => (result[d][k] = columns[j])));
  }
  const lookback = plans.map((p, k) => ({ p, k })).filter(({ p }) => p.op !== 'activeCount' && p.op !== 'activeSum');
  if (lookback.length === 0) return result;
  const byDay = sortedRows(events.day, events.account);
  lookback.forEach(({ p, k }) => {
    lookbackAggregate(events, byDay, p, dates, lookbackDays, n).forEach((column, d) => (result[d][k] = column));
  });
  return result;
}
