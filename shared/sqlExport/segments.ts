// Stage 3 of the statement: the snapshot day, the segment of each account (rules in order, the
// first match wins) and its adjustment points.

import { isoToEpochDay } from '../dates';
import type { Scorecard } from '../scorecard/types';
import type { ColumnRegistry } from './columns';
import { conditionSql } from './conditions';
import { type Dialect, commentText, quoteString } from './dialect';
import { DEFAULT_SNAPSHOT_COLUMN, type SqlExportOptions } from './options';
import { type CteList, selectList } from './sqlText';

export interface SnapshotDay {
  /** The snapshot as days since 1970-01-01, or null when the scorecard needs no date. */
  sql: string | null;
  /** Where the snapshot date comes from, for the statement's comments. */
  note: string;
}

export function snapshotDay(sc: Scorecard, options: SqlExportOptions, d: Dialect, reg: ColumnRegistry): SnapshotDay {
  const needsSnapshot = sc.metrics.some((m) => m.method.type === 'daysSince') || sc.overrides.length > 0;
  if (!needsSnapshot) return { sql: null, note: 'The scorecard needs no snapshot date (no days-since metric, no override).' };
  if (options.snapshotDate !== undefined) {
    return {
      sql: `${d.num(isoToEpochDay(options.snapshotDate))} /* ${options.snapshotDate} */`,
      note: `Snapshot date ${options.snapshotDate} (fixed at export; days since 1970-01-01 = ${isoToEpochDay(options.snapshotDate)}).`,
    };
  }
  const name = options.snapshotColumn ?? DEFAULT_SNAPSHOT_COLUMN;
  return {
    sql: reg.view(reg.column(name, 'option snapshotColumn'), 'date'),
    note: `Snapshot date read from column ${commentText(JSON.stringify(name))} of each row (YYYY-MM-DD text or a DATE).`,
  };
}

export interface Segmentation {
  /** The expression giving each account's segment id. */
  segmentCase: string;
  /** The expression giving each account's Σ adjustment points. */
  adjustmentSql: string;
}

export function segmentation(sc: Scorecard, d: Dialect, reg: ColumnRegistry): Segmentation {
  const n = (x: number) => d.num(x);
  const segmentWhens = sc.segments.flatMap((seg, si) => {
    const preds = seg.when.map((c, ci) => conditionSql(c, reg, d, `segments[${si}].when[${ci}]`));
    return [
      `  -- segments[${si}] ${commentText(JSON.stringify(seg.id))} (${commentText(seg.label)})`,
      `  WHEN ${preds.join('\n   AND ')}`,
      `    THEN ${quoteString(seg.id, `segments[${si}].id`)}`,
    ];
  });
  const defaultId = quoteString(sc.defaultSegment.id, 'defaultSegment.id');
  const segmentCase = sc.segments.length === 0 ? defaultId : ['CASE', ...segmentWhens, `  ELSE ${defaultId}`, 'END'].join('\n');
  const adjustmentSql =
    sc.adjustments.length === 0
      ? n(0)
      : [
          n(0),
          ...sc.adjustments.map((a, ai) => {
            const pred = conditionSql(a.when, reg, d, `adjustments[${ai}].when`);
            return `  -- adjustments[${ai}] ${commentText(JSON.stringify(a.id))} (${commentText(a.label)})\n  + CASE WHEN ${pred} THEN ${n(a.points)} ELSE ${n(0)} END`;
          }),
        ].join('\n');
  return { segmentCase, adjustmentSql };
}

export function addSegmentedCte(ctes: CteList, sc: Scorecard, snapshot: SnapshotDay, seg: Segmentation): void {
  ctes.add(
    'segmented',
    [
      '3. Snapshot day, segment (rules in order, the first match wins; a missing cell matches no rule) and',
      '   adjustment points (Σ of the matching adjustments).',
      `   ${snapshot.note}`,
    ],
    `  SELECT\n    v.*,\n${selectList([
      ...(snapshot.sql !== null ? [{ sql: `${snapshot.sql} AS snapshot_day` }] : []),
      { comment: sc.segments.length === 0 ? ['no segment rules: every account is in the default segment'] : [], sql: `${seg.segmentCase} AS segment_id` },
      { sql: `${seg.adjustmentSql} AS adjustment_points` },
    ])}\n  FROM typed AS v`,
  );
}
