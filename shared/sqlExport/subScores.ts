// Stages 5–6 of the statement: default linear bounds (percentiles of the population), percentile
// ranks, and each metric's sub-score in [0, 100] with its direction applied, computed with the
// same floating-point operations as shared/scoring/subScores.ts.

import type { BandsMethod } from '../scorecard/types';
import { indent } from './columns';
import { type Dialect, commentText } from './dialect';
import { type MetricPlan, methodDescription } from './metricPlans';
import { type CteList, selectList } from './sqlText';

/** The 5th and 95th percentiles: default linear bounds (shared/scoring/subScores.ts). */
const LO_P = 0.05;
const HI_P = 0.95;

function linearSql(d: Dialect, x: string, lo: string, hi: string): string {
  const t = `(${x} - ${lo}) / (${hi} - ${lo})`;
  return [
    'CASE',
    `  WHEN ${x} IS NULL THEN NULL`,
    `  WHEN NOT (${hi} > ${lo}) THEN CASE WHEN ${x} > ${lo} THEN ${d.num(100)} WHEN ${x} < ${lo} THEN ${d.num(0)} ELSE ${d.num(50)} END`,
    `  WHEN ${t} <= ${d.num(0)} THEN ${d.num(0)}`,
    `  WHEN ${t} >= ${d.num(1)} THEN ${d.num(100)}`,
    `  ELSE ${t} * ${d.num(100)}`,
    'END',
  ].join('\n');
}

function bandsSql(d: Dialect, x: string, b: BandsMethod): string {
  return [
    'CASE',
    `  WHEN ${x} IS NULL THEN NULL`,
    ...b.bands.map((band) => `  WHEN ${x} >= ${d.num(band.min)} THEN ${d.num(band.score)}`),
    `  ELSE ${d.num(b.otherwise)}`,
    'END',
  ].join('\n');
}

/** numpy's interpolation (shared/scoring/quantiles.ts lerp): exact same operations. */
function lerpSql(d: Dialect, a: string, b: string, t: string): string {
  return `CASE WHEN ${t} = ${d.num(0)} OR ${b} IS NULL THEN ${a} WHEN ${t} >= ${d.num(0.5)} THEN ${b} - (${b} - ${a}) * (${d.num(1)} - ${t}) ELSE ${a} + (${b} - ${a}) * ${t} END`;
}

/** One CTE per metric whose linear bound(s) default to the 5th / 95th percentile. */
function addBoundsCtes(ctes: CteList, d: Dialect, plans: MetricPlan[]): void {
  const n = (x: number) => d.num(x);
  for (const p of plans) {
    if (!p.bounds) continue;
    const h = (pp: number) => `(n - 1) * ${n(pp)}`;
    const picks = (label: string, pp: number) => [
      { sql: `MAX(CASE WHEN k = ${d.floor(h(pp))} THEN x END) AS ${label}_a` },
      { sql: `MAX(CASE WHEN k = ${d.floor(h(pp))} + 1 THEN x END) AS ${label}_b` },
      { sql: `MAX(${h(pp)} - ${d.floor(h(pp))}) AS ${label}_t` },
    ];
    const items = [...(p.bounds.lo ? picks('lo', LO_P) : []), ...(p.bounds.hi ? picks('hi', HI_P) : [])];
    const outs = [
      ...(p.bounds.lo ? [{ sql: `${lerpSql(d, 'lo_a', 'lo_b', 'lo_t')} AS lo` }] : []),
      ...(p.bounds.hi ? [{ sql: `${lerpSql(d, 'hi_a', 'hi_b', 'hi_t')} AS hi` }] : []),
    ];
    ctes.add(
      p.bounds.cte,
      [
        `Default linear bound(s) of ${commentText(JSON.stringify(p.metric.id))}: the ${[p.bounds.lo ? '5th' : '', p.bounds.hi ? '95th' : ''].filter(Boolean).join(' and ')} percentile of its non-missing values,`,
        'interpolated like numpy and Excel PERCENTILE.INC: h = (N - 1)·p, x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]) (0-based ranks).',
      ],
      [
        '  SELECT',
        selectList(outs),
        '  FROM (',
        '    SELECT',
        selectList(items, '      '),
        '    FROM (',
        `      SELECT x, ROW_NUMBER() OVER (ORDER BY x) - 1 AS k, COUNT(*) OVER () AS n`,
        `      FROM (SELECT ${p.x} AS x FROM metric_values WHERE ${p.x} IS NOT NULL) AS present_values`,
        '    ) AS sorted',
        '  ) AS picked',
      ].join('\n'),
    );
  }
}

/** The percentile ranks, when some metric needs them; returns the CTE the sub-scores read. */
function addRankedCte(ctes: CteList, d: Dialect, plans: MetricPlan[]): string {
  const n = (x: number) => d.num(x);
  const percentilePlans = plans.filter((p) => p.p !== null);
  if (!percentilePlans.length) return 'metric_values';
  ctes.add(
    'ranked',
    ['5. Percentile metrics: mid-rank 100·(L + 0.5·E)/N, L values strictly lower, E equal (itself included),', '   N non-missing, within the segment or the whole population.'],
    `  SELECT\n    v.*,\n${selectList(
      percentilePlans.map((p) => {
        const bySegment = p.metric.method.type === 'percentile' && p.metric.method.scope === 'segment';
        const part = (extra: string) => `PARTITION BY ${[bySegment ? 'segment_id' : null, extra].filter(Boolean).join(', ')}`;
        const total = bySegment ? 'OVER (PARTITION BY segment_id)' : 'OVER ()';
        return {
          comment: [`${commentText(JSON.stringify(p.metric.id))}: within the ${bySegment ? 'segment' : 'population'}`],
          sql: [
            `CASE WHEN ${p.x} IS NOT NULL THEN`,
            `  ${n(100)} * ((RANK() OVER (${part(`${p.x} IS NULL`)} ORDER BY ${p.x}) - 1) + ${n(0.5)} * COUNT(*) OVER (${part(p.x)}))`,
            `  / COUNT(${p.x}) ${total}`,
            `END AS ${p.p}`,
          ].join('\n'),
        };
      }),
    )}\n  FROM metric_values AS v`,
  );
  return 'ranked';
}

function subScoreSql(d: Dialect, p: MetricPlan): string {
  const n = (x: number) => d.num(x);
  const m = p.metric;
  const method = m.method.type === 'daysSince' ? m.method.scoring : m.method;
  let expr: string;
  switch (method.type) {
    case 'linear': {
      const lo = method.lo !== undefined ? n(method.lo) : `${p.bounds!.alias}.lo`;
      const hi = method.hi !== undefined ? n(method.hi) : `${p.bounds!.alias}.hi`;
      expr = linearSql(d, p.x, lo, hi);
      break;
    }
    case 'bands':
      expr = bandsSql(d, p.x, method);
      break;
    case 'percentile':
      expr = p.p!;
      break;
    case 'boolean':
      expr = `${p.x} * ${n(100)}`;
      break;
    default:
      expr = p.x; // category: already the score
  }
  if (m.direction === 'lowerIsBetter') expr = `${n(100)} - (${expr.includes('\n') ? `\n  ${indent(expr)}\n` : expr})`;
  return expr;
}

export function addSubScoreCtes(ctes: CteList, d: Dialect, plans: MetricPlan[]): void {
  addBoundsCtes(ctes, d, plans);
  const scoresFrom = addRankedCte(ctes, d, plans);
  const subItems = plans.map((p) => ({
    comment: [`${commentText(JSON.stringify(p.metric.id))}: ${commentText(methodDescription(p.metric))}`],
    sql: `${subScoreSql(d, p)} AS ${p.s}`,
  }));
  const boundJoins = plans.filter((p) => p.bounds).map((p) => `\n  CROSS JOIN ${p.bounds!.cte} AS ${p.bounds!.alias}`);
  ctes.add('sub_scores', ['6. Sub-scores in [0, 100] (NULL = missing); "lower is better" gives 100 - s.'], `  SELECT\n    v.*,\n${selectList(subItems)}\n  FROM ${scoresFrom} AS v${boundJoins.join('')}`);
}
