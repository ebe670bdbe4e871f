// What the fake api serves for scoring: a scorecard over three metrics and four segments, and each
// snapshot of the generated accounts as columns (the same shape getScoringData sends), computed
// deterministically so that tests can score it themselves with the real engine.

import type { AccountRow, ScoringDataTransfer } from '../../../shared/api';
import { packColumn, packStrings } from '../../../shared/columnTransfer';
import type { DatasetColumn } from '../../../shared/dataset';
import { isoToEpochDay } from '../../../shared/dates';
import { parseScorecard } from '../../../shared/scorecard/validate';
import type { Scorecard } from '../../../shared/scorecard/types';
import type { ScoringData } from '../../../shared/scoring/data';
import { SNAPSHOT_DATES } from './fakeDates';

const segmentRule = (id: string, label: string) => ({ id, label, when: [{ attribute: 'segment', operator: 'eq', value: label }], weights: {}, groupWeights: {} });

export function fakeScorecard(): Scorecard {
  return parseScorecard({
    schemaVersion: 1,
    name: 'Fake health',
    thresholds: { red: 40, green: 70 },
    metrics: [
      { id: 'logins', label: 'Logins', source: 'logins_30d', method: { type: 'linear', lo: 0, hi: 100 } },
      { id: 'seats', label: 'Seat utilization', source: 'seat_utilization_pct', method: { type: 'linear', lo: 0, hi: 100 } },
      { id: 'nps', label: 'NPS', source: 'nps', method: { type: 'linear', lo: 0, hi: 10 } },
    ],
    segments: [segmentRule('enterprise', 'Enterprise'), segmentRule('mid-market', 'Mid-Market'), segmentRule('smb', 'SMB')],
    defaultSegment: { id: 'default', label: 'Other accounts', weights: {}, groupWeights: {} },
  });
}

function numbers(n: number, value: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => value(i));
}

/** Snapshot `s` (index into SNAPSHOT_DATES) of the accounts, as the engine reads it. */
export function fakeSnapshotData(rows: AccountRow[], s: number): ScoringData & { present: Uint8Array; asOf: string } {
  const n = rows.length;
  const asOf = SNAPSHOT_DATES[s];
  const text = (name: string, value: (r: AccountRow) => string | null): DatasetColumn => ({ field: { name, kind: 'text' }, values: rows.map(value) });
  return {
    asOf,
    keys: rows.map((r) => r.key),
    arr: numbers(n, (i) => rows[i].arr ?? Number.NaN),
    present: Uint8Array.from(rows, (r) => (r.churnDate !== null && r.churnDate <= asOf ? 0 : 1)),
    snapshotDay: isoToEpochDay(asOf),
    attributes: [
      text('segment', (r) => r.segment),
      { field: { name: 'csm_assigned', kind: 'boolean' }, values: numbers(n, (i) => (rows[i].attributes.csm_assigned ? 1 : 0)) },
      text('region', (r) => String(r.attributes.region)),
      text('plan', (r) => String(r.attributes.plan)),
      { field: { name: 'seats', kind: 'number' }, values: numbers(n, (i) => Number(rows[i].attributes.seats)) },
    ],
    metrics: [
      { field: { name: 'logins_30d', kind: 'number' }, values: numbers(n, (i) => (i * 37 + s * 13) % 101) },
      { field: { name: 'seat_utilization_pct', kind: 'number' }, values: numbers(n, (i) => (i * 53 + s * 7) % 101) },
      // Every 7th account has no NPS: with equal weights its coverage is 2/3, still scored.
      { field: { name: 'nps', kind: 'number' }, values: numbers(n, (i) => (i % 7 === 0 ? Number.NaN : (i * 29 + s) % 11)) },
    ],
  };
}

export function fakeScoringTransfer(rows: AccountRow[], asOf?: string): ScoringDataTransfer | null {
  if (rows.length === 0) return null;
  const s = asOf === undefined ? SNAPSHOT_DATES.length - 1 : SNAPSHOT_DATES.indexOf(asOf);
  if (s < 0) throw new Error(`no snapshot dated ${asOf}`);
  const d = fakeSnapshotData(rows, s);
  return {
    asOf: d.asOf,
    snapshotDay: d.snapshotDay,
    snapshotDates: [...SNAPSHOT_DATES],
    accountCount: rows.length,
    keys: packStrings(d.keys as string[]),
    arr: d.arr!,
    present: d.present,
    attributes: d.attributes.map(packColumn),
    metrics: d.metrics.map(packColumn),
    churnDay: numbers(rows.length, (i) => (rows[i].churnDate ? isoToEpochDay(rows[i].churnDate!) : Number.NaN)),
    churnUndated: new Uint8Array(rows.length),
  };
}
