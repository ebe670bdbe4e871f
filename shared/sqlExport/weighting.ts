// Stages 7–10 of the statement: each segment's weights, thresholds and coverage needed, then the
// weighted combination of the sub-scores under the missing-data policies (per group, then across
// units), and the coverage numerator, in the engine's order (shared/scoring/recompute.ts).

import { type WeightUnit, resolveSegmentWeights, segmentList, segmentThresholds, unitInnerTotal, unitWeight, weightUnits } from '../scorecard/resolve';
import { COMPARISON_TOLERANCE, type Scorecard } from '../scorecard/types';
import { type Dialect, commentText, quoteString } from './dialect';
import { type MetricPlan, sqlName } from './metricPlans';
import { type CteList, selectList } from './sqlText';

export interface SegmentWeights {
  groupUnits: WeightUnit[];
  singleUnits: WeightUnit[];
  /** The columns of the segment_weights CTE, segment_id first. */
  columns: string[];
  /** One VALUES row per segment (the default segment last), with its comment line. */
  rows: string[];
}

/** `"gw2_core"` and the like: a group's column named by prefix, group number and id. */
function groupColumn(prefix: string, u: WeightUnit): string {
  return sqlName(`${prefix}${u.groupIndex + 1}_${u.id}`);
}

export function segmentWeights(sc: Scorecard, d: Dialect, plans: MetricPlan[]): SegmentWeights {
  const n = (x: number) => d.num(x);
  const tol = n(COMPARISON_TOLERANCE);
  const units = weightUnits(sc);
  const groupUnits = units.filter((u) => u.groupIndex >= 0);
  const singleUnits = units.filter((u) => u.groupIndex < 0);
  const columns = [
    'segment_id',
    'red',
    'green',
    'active_total',
    'cov_min',
    ...plans.map((p) => p.w),
    ...groupUnits.flatMap((u) => [groupColumn('gw', u), groupColumn('gcov', u)]),
  ];
  const rows = segmentList(sc).map((seg, k) => {
    const w = resolveSegmentWeights(sc, k);
    const t = segmentThresholds(sc, k);
    // Σ weight of the units taking part (shared/scoring/layout.ts refreshActiveTotal).
    let active = 0;
    for (const u of units) {
      const W = unitWeight(u, w);
      if (W > 0 && unitInnerTotal(u, w) > 0) active += W;
    }
    const values = [
      quoteString(seg.id, 'segment id'),
      n(t.red),
      n(t.green),
      n(active),
      `(${n(sc.minCoverage)} - ${tol}) * ${n(active)}`,
      ...plans.map((p) => n(w.metric[p.index - 1])),
      ...groupUnits.flatMap((u) => {
        const W = unitWeight(u, w);
        const T = unitInnerTotal(u, w);
        return [n(W), n(W > 0 && T > 0 ? W / T : 0)];
      }),
    ];
    return `    -- ${k < sc.segments.length ? `segments[${k}]` : 'defaultSegment'} ${commentText(JSON.stringify(seg.id))}\n    (${values.join(', ')})`;
  });
  return { groupUnits, singleUnits, columns, rows };
}

export function addWeightingCtes(ctes: CteList, sc: Scorecard, d: Dialect, plans: MetricPlan[], weights: SegmentWeights): void {
  const n = (x: number) => d.num(x);
  const { groupUnits, singleUnits } = weights;

  // Terms of one metric in its unit's sums (shared/scoring/recompute.ts accumulate).
  const numTerm = (p: MetricPlan) => `CASE WHEN ${p.s} IS NOT NULL THEN ${p.w} * ${p.s} ELSE ${p.impute === null ? n(0) : `${p.w} * ${n(p.impute)}`} END`;
  const denTerm = (p: MetricPlan) => (p.impute === null ? `CASE WHEN ${p.s} IS NOT NULL THEN ${p.w} ELSE ${n(0)} END` : p.w);
  const cntTerm = (p: MetricPlan) => (p.impute === null ? `CASE WHEN ${p.w} > 0 AND ${p.s} IS NOT NULL THEN 1 ELSE 0 END` : `CASE WHEN ${p.w} > 0 THEN 1 ELSE 0 END`);
  const presTerm = (p: MetricPlan) => `CASE WHEN ${p.s} IS NOT NULL THEN ${p.w} ELSE ${n(0)} END`;
  const sum = (zero: string, terms: string[]) => [zero, ...terms.map((t) => `  + ${t}`)].join('\n');
  const policyNote = (p: MetricPlan) => (p.impute === null ? 'missing: left out' : `missing: counts as ${p.impute}`);

  ctes.add(
    `segment_weights(${weights.columns.join(', ')})`,
    [
      '7. Per segment: thresholds, Σ weight of the units (groups, and ungrouped metrics) taking part,',
      '   the coverage needed ((minimum coverage - 1e-9) × that Σ), each metric\'s weight (0 = excluded),',
      '   and each group\'s weight and coverage factor (group weight ÷ Σ metric weights in the group).',
    ],
    `  VALUES\n${weights.rows.join(',\n')}`,
  );

  const weightedCols = weights.columns.filter((c) => c !== 'segment_id').map((c) => `w.${c}`);
  ctes.add('weighted', ['8. Each account with its segment\'s weights.'], `  SELECT\n    v.*,\n    ${weightedCols.join(',\n    ')}\n  FROM sub_scores AS v\n  JOIN segment_weights AS w ON w.segment_id = v.segment_id`);

  const groupItems = groupUnits.flatMap((u) => {
    const members = u.metrics.map((mi) => plans[mi]);
    const label = commentText(JSON.stringify(u.id));
    return [
      { comment: [`group ${label}: ${members.map((p) => `${commentText(p.metric.id)} (${policyNote(p)})`).join(', ')}`], sql: `${sum(n(0), members.map(numTerm))} AS ${groupColumn('gnum', u)}` },
      { sql: `${sum(n(0), members.map(denTerm))} AS ${groupColumn('gden', u)}` },
      { sql: `${sum('0', members.map(cntTerm))} AS ${groupColumn('gcnt', u)}` },
      { sql: `${sum(n(0), members.map(presTerm))} AS ${groupColumn('gpres', u)}` },
    ];
  });
  let combinedFrom = 'weighted';
  if (groupItems.length) {
    ctes.add(
      'group_sums',
      ['9. Per group: Σ w·s and Σ w over its counted metrics (present, or imputed under zero / neutral),', '   how many count, and Σ w over the present ones (for coverage).'],
      `  SELECT\n    v.*,\n${selectList(groupItems)}\n  FROM weighted AS v`,
    );
    combinedFrom = 'group_sums';
  }

  const singles = singleUnits.map((u) => plans[u.metrics[0]]);
  const groupCounts = (u: WeightUnit) => `${groupColumn('gw', u)} > 0 AND ${groupColumn('gcnt', u)} > 0`;
  const combinedItems = [
    {
      comment: ['Σ W·G over the units with a counted metric: ungrouped metrics first, then groups (the engine\'s order)'],
      sql: `${sum(n(0), [
        ...singles.map(numTerm),
        ...groupUnits.map((u) => `CASE WHEN ${groupCounts(u)} THEN ${groupColumn('gw', u)} * (${groupColumn('gnum', u)} / ${groupColumn('gden', u)}) ELSE ${n(0)} END`),
      ])} AS num`,
    },
    { sql: `${sum(n(0), [...singles.map(denTerm), ...groupUnits.map((u) => `CASE WHEN ${groupCounts(u)} THEN ${groupColumn('gw', u)} ELSE ${n(0)} END`)])} AS den` },
    { sql: `${sum('0', [...singles.map(cntTerm), ...groupUnits.map((u) => `CASE WHEN ${groupCounts(u)} THEN 1 ELSE 0 END`)])} AS cnt` },
    { comment: ['Coverage numerator: Σ weight of the present metrics, in units of the segment\'s total'], sql: `${sum(n(0), [...singles.map(presTerm), ...groupUnits.map((u) => `${groupColumn('gcov', u)} * ${groupColumn('gpres', u)}`)])} AS cov` },
  ];
  ctes.add(
    'combined',
    [
      `10. Weighted combination. Missing-data policy: ${sc.missingPolicy} by default${sc.metrics.some((m) => m.missing) ? ', overridden per metric' : ''}.`,
      '    redistribute: a missing metric drops out (its weight is shared within its group, then across groups);',
      '    zero / neutral: a missing metric counts as 0 / 50. Ungrouped metrics are groups of one.',
    ],
    `  SELECT\n    v.*,\n${selectList(combinedItems)}\n  FROM ${combinedFrom} AS v`,
  );
}
