// Which snapshot dates event tables are aggregated at: the dates the import's other sheets already
// give, or else the first of each month from the month of the earliest event to the first month
// start on or after the latest one (so every event falls in some snapshot's window end).

import { epochDayToIso, isoToEpochDay } from '../../dates';

/** Epoch day of the first of the month `day` falls in. */
export function monthStartOf(day: number): number {
  return isoToEpochDay(`${epochDayToIso(day).slice(0, 7)}-01`);
}

function nextMonthStart(day: number): number {
  const iso = epochDayToIso(day);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return isoToEpochDay(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
}

/** Month starts from the one ≤ `first` to the first one ≥ `last` (epoch days, ascending). */
export function monthStartsCovering(first: number, last: number): Float64Array {
  const out: number[] = [];
  let d = monthStartOf(first);
  out.push(d);
  while (d < last) {
    d = nextMonthStart(d);
    out.push(d);
  }
  return Float64Array.from(out);
}

/**
 * The dates to aggregate at: `existing` (ISO dates of the import's snapshots) when there are any,
 * else month starts covering [firstEvent, lastEvent]; empty when there are neither.
 */
export function eventSnapshotDays(existing: readonly string[], firstEvent: number, lastEvent: number): Float64Array {
  if (existing.length > 0) return Float64Array.from(existing.map(isoToEpochDay)).sort();
  if (Number.isNaN(firstEvent) || Number.isNaN(lastEvent)) return new Float64Array(0);
  return monthStartsCovering(firstEvent, lastEvent);
}
