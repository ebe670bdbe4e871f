// A scorecard as one portable SELECT statement that computes, in a warehouse, the same scores as
// the engine (shared/scoring/): same parsing of cells, segment rules, sub-scores (default linear
// bounds and percentile ranks included), weighting and missing-data policies, coverage,
// adjustments, overrides and bands, in the same floating-point operations and order, so that the
// results agree to the last bits. See docs/sql-export.md.

import { isoToEpochDay, isIsoDate } from '../dates';
import { resolveSegmentWeights, segmentList, segmentThresholds, unitInnerTotal, unitWeight, weightUnits } from '../scorecard/resolve';
import { COMPARISON_TOLERANCE, type BandsMethod, type LinearMethod, type MetricDef, type Scorecard } from '../scorecard/types';
import { ColumnRegistry, indent } from './columns';
import { conditionSql } from './conditions';
import { type Dialect, type SqlDialectName, commentText, dialectOf, quoteIdent, quoteString } from './dialect';
import { SqlExportError } from './errors';

export interface SqlExportOptions {
  dialect: SqlDialectName;
  /** The source table (or view): one row per account in the snapshot. */
  table: string;
  /** Optional schema of the table. */
  schema?: string;
  /** The column holding the account id (compared as text with override account keys). */
  idColumn: string;
  /**
   * The snapshot date (`YYYY-MM-DD`) for days-since metrics and override expiry. When omitted, it
   * is read from each row's `snapshotColumn` (only if the scorecard needs a date at all).
   */
  snapshotDate?: string;
  /** Default `snapshot_date`. */
  snapshotColumn?: string;
}

export const DEFAULT_SNAPSHOT_COLUMN = 'snapshot_date';

/** The 5th and 95th percentiles: default linear bounds (shared/scoring/subScores.ts). */
const LO_P = 0.05;
const HI_P = 0.95;

interface MetricPlan {
  metric: MetricDef;
  index: number;
  /** `"x3_total"`: the value scored (a number, days, 1/0, or the category's score). */
  x: string;
  /** `"s3_total"`: the sub-score, direction applied. */
  s: string;
  /** `"w3_total"`: the metric's weight in the account's segment. */
  w: string;
  /** Value a missing sub-score counts as (0 / 50), or null to leave it out (redistribute). */
  impute: number | null;
  /** Bounds CTE name and alias when a linear bound defaults to a percentile. */
  bounds: { cte: string; alias: string; lo: boolean; hi: boolean } | null;
  /** `"p3_total"`: the raw percentile rank, for percentile metrics. */
  p: string | null;
  /** Source column view that feeds x, and how. */
  valueSql: string;
  describe: string;
}

function lines(...parts: (string | string[] | false | null | undefined)[]): string[] {
  return parts.flatMap((p) => (p === false || p === null || p === undefined ? [] : Array.isArray(p) ? p : [p]));
}

/** Joins select-list items, each possibly multi-line and preceded by comment lines, with commas. */
function selectList(items: { comment?: string[]; sql: string }[], pad = '    '): string {
  return items
    .map((it, i) => {
      const head = (it.comment ?? []).map((c) => `${pad}-- ${c}\n`).join('');
      return `${head}${pad}${it.sql.replace(/\n/g, `\n${pad}`)}${i < items.length - 1 ? ',' : ''}`;
    })
    .join('\n');
}

function methodDescription(m: MetricDef): string {
  const me = m.method;
  const linear = (l: LinearMethod) => `linear ${l.lo ?? 'p5'}…${l.hi ?? 'p95'}`;
  const bands = (b: BandsMethod) => `bands ${b.bands.map((x) => `≥${x.min}→${x.score}`).join(', ')}, else ${b.otherwise}`;
  const what =
    me.type === 'linear'
      ? linear(me)
      : me.type === 'bands'
        ? bands(me)
        : me.type === 'percentile'
          ? `percentile within the ${me.scope}`
          : me.type === 'daysSince'
            ? `days since, ${me.scoring.type === 'linear' ? linear(me.scoring) : bands(me.scoring)}`
            : me.type;
  return `${what}${m.direction === 'lowerIsBetter' ? ', lower is better' : ''}`;
}

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

function checkOptions(options: SqlExportOptions): void {
  for (const key of ['table', 'idColumn'] as const) {
    if (typeof options[key] !== 'string' || options[key].length === 0) throw new SqlExportError(`option ${key} must be a non-empty name`);
  }
  if (options.snapshotDate !== undefined && !isIsoDate(options.snapshotDate)) {
    throw new SqlExportError(`option snapshotDate must be a date written YYYY-MM-DD, got "${options.snapshotDate}"`);
  }
}

/**
 * The scorecard as one SELECT over `options.table` returning, per account: account_id, segment,
 * score, band ('red' / 'yellow' / 'green' / 'unscored'), coverage, overridden (1 when a manual
 * override is in force), grade (when the scorecard has grades), and sub_<metric id> for every
 * metric. Throws SqlExportError when something cannot be expressed faithfully.
 */
export function scorecardToSql(sc: Scorecard, options: SqlExportOptions): string {
  checkOptions(options);
  const d = dialectOf(options.dialect);
  const reg = new ColumnRegistry(d);
  const n = (x: number) => d.num(x);
  const q = (name: string) => quoteIdent(name, 'name');
  const tol = n(COMPARISON_TOLERANCE);

  const table = (options.schema !== undefined ? `${quoteIdent(options.schema, 'option schema')}.` : '') + quoteIdent(options.table, 'option table');
  const idRef = `src.${quoteIdent(options.idColumn, 'option idColumn')}`;

  // Output column names: SQL names are case-insensitive, so metric ids differing only in case clash.
  const outNames = new Map<string, string>();
  sc.metrics.forEach((m) => {
    const key = `sub_${m.id}`.toLowerCase();
    const other = outNames.get(key);
    if (other !== undefined) throw new SqlExportError(`metric "${m.id}": its sub-score column would clash with that of metric "${other}" (SQL names ignore case)`);
    outNames.set(key, m.id);
  });

  // --- Snapshot date ---------------------------------------------------------------------------
  const needsSnapshot = sc.metrics.some((m) => m.method.type === 'daysSince') || sc.overrides.length > 0;
  let snapshotSql: string | null = null;
  let snapshotNote: string;
  if (!needsSnapshot) snapshotNote = 'The scorecard needs no snapshot date (no days-since metric, no override).';
  else if (options.snapshotDate !== undefined) {
    snapshotSql = `${n(isoToEpochDay(options.snapshotDate))} /* ${options.snapshotDate} */`;
    snapshotNote = `Snapshot date ${options.snapshotDate} (fixed at export; days since 1970-01-01 = ${isoToEpochDay(options.snapshotDate)}).`;
  } else {
    const name = options.snapshotColumn ?? DEFAULT_SNAPSHOT_COLUMN;
    snapshotSql = reg.view(reg.column(name, 'option snapshotColumn'), 'date');
    snapshotNote = `Snapshot date read from column ${commentText(JSON.stringify(name))} of each row (YYYY-MM-DD text or a DATE).`;
  }

  // --- Segments and adjustments ------------------------------------------------------------------
  const segs = segmentList(sc);
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

  // --- Metric values -----------------------------------------------------------------------------
  const plans: MetricPlan[] = sc.metrics.map((m, mi) => {
    const i = mi + 1;
    const where = `metrics[${mi}] "${m.id}"`;
    const col = reg.column(m.source, `${where}.source`);
    const policy = m.missing ?? sc.missingPolicy;
    const method = m.method;
    let valueSql: string;
    let linear: LinearMethod | null = null;
    switch (method.type) {
      case 'linear':
        linear = method;
        valueSql = reg.view(col, 'number');
        break;
      case 'bands':
      case 'percentile':
        valueSql = reg.view(col, 'number');
        break;
      case 'daysSince':
        if (method.scoring.type === 'linear') linear = method.scoring;
        else if (method.scoring.type !== 'bands') throw new SqlExportError(`${where}: days-since scoring "${(method.scoring as { type: string }).type}" cannot be exported to SQL`);
        valueSql = `snapshot_day - ${reg.view(col, 'date')}`;
        break;
      case 'boolean':
        valueSql = reg.view(col, 'bool');
        break;
      case 'category': {
        const entries = Object.entries(method.map);
        const textCase = `CASE ${reg.text(col)}${entries.map(([k, v]) => ` WHEN ${quoteString(k, `${where}.method.map`)} THEN ${n(v)}`).join('')} END`;
        // A number cell is looked up by its shortest decimal text: only keys that are exactly that
        // text of a finite number can match one.
        const numeric = entries.filter(([k]) => Number.isFinite(Number(k)) && String(Number(k)) === k);
        valueSql = numeric.length
          ? `COALESCE(${textCase},\n  CASE ${reg.num(col)}${numeric.map(([k, v]) => ` WHEN ${n(Number(k))} THEN ${n(v)}`).join('')} END)`
          : textCase;
        break;
      }
      default:
        throw new SqlExportError(`${where}: method "${(method as { type: string }).type}" cannot be exported to SQL`);
    }
    const needLo = linear !== null && linear.lo === undefined;
    const needHi = linear !== null && linear.hi === undefined;
    return {
      metric: m,
      index: i,
      x: q(`x${i}_${m.id}`),
      s: q(`s${i}_${m.id}`),
      w: q(`w${i}_${m.id}`),
      impute: policy === 'zero' ? 0 : policy === 'neutral' ? 50 : null,
      bounds: needLo || needHi ? { cte: q(`bounds${i}_${m.id}`), alias: `b${i}`, lo: needLo, hi: needHi } : null,
      p: method.type === 'percentile' ? q(`p${i}_${m.id}`) : null,
      valueSql,
      describe: `${methodDescription(m)}; column ${JSON.stringify(m.source)}`,
    };
  });

  // --- Weights per segment -----------------------------------------------------------------------
  const units = weightUnits(sc);
  const groupUnits = units.filter((u) => u.groupIndex >= 0);
  const singleUnits = units.filter((u) => u.groupIndex < 0);
  const gName = (prefix: string, u: (typeof units)[number]) => q(`${prefix}${u.groupIndex + 1}_${u.id}`);
  const weightColumns = [
    'segment_id',
    'red',
    'green',
    'active_total',
    'cov_min',
    ...plans.map((p) => p.w),
    ...groupUnits.flatMap((u) => [gName('gw', u), gName('gcov', u)]),
  ];
  const weightRows = segs.map((seg, k) => {
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

  // Terms of one metric in its unit's sums (shared/scoring/recompute.ts accumulate).
  const numTerm = (p: MetricPlan) => `CASE WHEN ${p.s} IS NOT NULL THEN ${p.w} * ${p.s} ELSE ${p.impute === null ? n(0) : `${p.w} * ${n(p.impute)}`} END`;
  const denTerm = (p: MetricPlan) => (p.impute === null ? `CASE WHEN ${p.s} IS NOT NULL THEN ${p.w} ELSE ${n(0)} END` : p.w);
  const cntTerm = (p: MetricPlan) => (p.impute === null ? `CASE WHEN ${p.w} > 0 AND ${p.s} IS NOT NULL THEN 1 ELSE 0 END` : `CASE WHEN ${p.w} > 0 THEN 1 ELSE 0 END`);
  const presTerm = (p: MetricPlan) => `CASE WHEN ${p.s} IS NOT NULL THEN ${p.w} ELSE ${n(0)} END`;
  const sum = (zero: string, terms: string[]) => [zero, ...terms.map((t) => `  + ${t}`)].join('\n');
  const policyNote = (p: MetricPlan) => (p.impute === null ? 'missing: left out' : `missing: counts as ${p.impute}`);

  // --- Assemble ----------------------------------------------------------------------------------
  const ctes: string[] = [];
  const cte = (name: string, comment: string[], body: string) => ctes.push(`${comment.map((c) => `-- ${c}`).join('\n')}\n${name} AS (\n${body}\n)`);

  cte(
    'consts',
    ['Constants: the characters trimmed from text cells (those JavaScript\'s trim() removes).'],
    `  SELECT\n${selectList([{ sql: `${d.whitespace()} AS ws` }, ...d.constants().map((c) => ({ sql: c }))])}`,
  );

  const inputItems = reg.inputLines();
  // inputLines() yields comment / num / text triples with trailing commas; the last comma goes.
  const inputsBody = [`    ${idRef} AS account_id,`, ...inputItems.map((l) => `    ${l.replace(/\n/g, '\n    ')}`)];
  inputsBody[inputsBody.length - 1] = inputsBody[inputsBody.length - 1].replace(/,$/, '');
  cte(
    'inputs',
    [
      '1. Inputs, one row per account. Number cells keep finite values; text cells are trimmed, and blank',
      '   cells and the tokens N/A, NA, #N/A, null, NaN, - (any case) become NULL (missing, never 0).',
    ],
    `  SELECT\n${inputsBody.join('\n')}\n  FROM ${table} AS src\n  CROSS JOIN consts AS k`,
  );

  const typedItems = reg.typedLines().map((l) => `    ${l.replace(/\n/g, '\n    ')}`);
  cte(
    'typed',
    [
      '2. Text parsed strictly, as the engine reads it: plain decimals (12, -3.5, 1e3; not 1,000),',
      '   YYYY-MM-DD dates (as days since 1970-01-01), booleans true/false yes/no y/n t/f 1/0.',
    ],
    `  SELECT\n    v.*${typedItems.length ? ',\n' + typedItems.join('\n').replace(/,$/, '') : ''}\n  FROM inputs AS v`,
  );

  cte(
    'segmented',
    [
      '3. Snapshot day, segment (rules in order, the first match wins; a missing cell matches no rule) and',
      '   adjustment points (Σ of the matching adjustments).',
      `   ${snapshotNote}`,
    ],
    `  SELECT\n    v.*,\n${selectList([
      ...(snapshotSql !== null ? [{ sql: `${snapshotSql} AS snapshot_day` }] : []),
      { comment: sc.segments.length === 0 ? ['no segment rules: every account is in the default segment'] : [], sql: `${segmentCase} AS segment_id` },
      { sql: `${adjustmentSql} AS adjustment_points` },
    ])}\n  FROM typed AS v`,
  );

  cte(
    'metric_values',
    ['4. The value each metric scores (days since the snapshot for days-since metrics; 1/0 for booleans;', '   the mapped score for categories, unmapped values missing).'],
    `  SELECT\n    v.*,\n${selectList(plans.map((p) => ({ comment: [`${commentText(JSON.stringify(p.metric.id))}: ${commentText(p.describe)}`], sql: `${p.valueSql} AS ${p.x}` })))}\n  FROM segmented AS v`,
  );

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
    cte(
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

  const percentilePlans = plans.filter((p) => p.p !== null);
  let scoresFrom = 'metric_values';
  if (percentilePlans.length) {
    cte(
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
    scoresFrom = 'ranked';
  }

  const subItems = plans.map((p) => {
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
    return { comment: [`${commentText(JSON.stringify(m.id))}: ${commentText(methodDescription(m))}`], sql: `${expr} AS ${p.s}` };
  });
  const boundJoins = plans.filter((p) => p.bounds).map((p) => `\n  CROSS JOIN ${p.bounds!.cte} AS ${p.bounds!.alias}`);
  cte('sub_scores', ['6. Sub-scores in [0, 100] (NULL = missing); "lower is better" gives 100 - s.'], `  SELECT\n    v.*,\n${selectList(subItems)}\n  FROM ${scoresFrom} AS v${boundJoins.join('')}`);

  cte(
    `segment_weights(${weightColumns.join(', ')})`,
    [
      '7. Per segment: thresholds, Σ weight of the units (groups, and ungrouped metrics) taking part,',
      '   the coverage needed ((minimum coverage - 1e-9) × that Σ), each metric\'s weight (0 = excluded),',
      '   and each group\'s weight and coverage factor (group weight ÷ Σ metric weights in the group).',
    ],
    `  VALUES\n${weightRows.join(',\n')}`,
  );

  const weightedCols = weightColumns.filter((c) => c !== 'segment_id').map((c) => `w.${c}`);
  cte('weighted', ['8. Each account with its segment\'s weights.'], `  SELECT\n    v.*,\n    ${weightedCols.join(',\n    ')}\n  FROM sub_scores AS v\n  JOIN segment_weights AS w ON w.segment_id = v.segment_id`);

  const groupItems = groupUnits.flatMap((u) => {
    const members = u.metrics.map((mi) => plans[mi]);
    const label = commentText(JSON.stringify(u.id));
    return [
      { comment: [`group ${label}: ${members.map((p) => `${commentText(p.metric.id)} (${policyNote(p)})`).join(', ')}`], sql: `${sum(n(0), members.map(numTerm))} AS ${gName('gnum', u)}` },
      { sql: `${sum(n(0), members.map(denTerm))} AS ${gName('gden', u)}` },
      { sql: `${sum('0', members.map(cntTerm))} AS ${gName('gcnt', u)}` },
      { sql: `${sum(n(0), members.map(presTerm))} AS ${gName('gpres', u)}` },
    ];
  });
  let combinedFrom = 'weighted';
  if (groupItems.length) {
    cte(
      'group_sums',
      ['9. Per group: Σ w·s and Σ w over its counted metrics (present, or imputed under zero / neutral),', '   how many count, and Σ w over the present ones (for coverage).'],
      `  SELECT\n    v.*,\n${selectList(groupItems)}\n  FROM weighted AS v`,
    );
    combinedFrom = 'group_sums';
  }

  const singles = singleUnits.map((u) => plans[u.metrics[0]]);
  const groupCounts = (u: (typeof units)[number]) => `${gName('gw', u)} > 0 AND ${gName('gcnt', u)} > 0`;
  const combinedItems = [
    {
      comment: ['Σ W·G over the units with a counted metric: ungrouped metrics first, then groups (the engine\'s order)'],
      sql: `${sum(n(0), [
        ...singles.map(numTerm),
        ...groupUnits.map((u) => `CASE WHEN ${groupCounts(u)} THEN ${gName('gw', u)} * (${gName('gnum', u)} / ${gName('gden', u)}) ELSE ${n(0)} END`),
      ])} AS num`,
    },
    { sql: `${sum(n(0), [...singles.map(denTerm), ...groupUnits.map((u) => `CASE WHEN ${groupCounts(u)} THEN ${gName('gw', u)} ELSE ${n(0)} END`)])} AS den` },
    { sql: `${sum('0', [...singles.map(cntTerm), ...groupUnits.map((u) => `CASE WHEN ${groupCounts(u)} THEN 1 ELSE 0 END`)])} AS cnt` },
    { comment: ['Coverage numerator: Σ weight of the present metrics, in units of the segment\'s total'], sql: `${sum(n(0), [...singles.map(presTerm), ...groupUnits.map((u) => `${gName('gcov', u)} * ${gName('gpres', u)}`)])} AS cov` },
  ];
  cte(
    'combined',
    [
      `10. Weighted combination. Missing-data policy: ${sc.missingPolicy} by default${sc.metrics.some((m) => m.missing) ? ', overridden per metric' : ''}.`,
      '    redistribute: a missing metric drops out (its weight is shared within its group, then across groups);',
      '    zero / neutral: a missing metric counts as 0 / 50. Ungrouped metrics are groups of one.',
    ],
    `  SELECT\n    v.*,\n${selectList(combinedItems)}\n  FROM ${combinedFrom} AS v`,
  );

  const raw = `num / den + adjustment_points`;
  cte(
    'scored',
    [`11. Unscored (NULL) below the minimum coverage (${sc.minCoverage}, 1e-9 tolerance) or with no metric counted;`, '    otherwise the weighted score plus adjustment points, clamped to [0, 100].'],
    `  SELECT\n    v.*,\n${selectList([
      {
        sql: [
          'CASE',
          `  WHEN cnt = 0 OR NOT (cov >= cov_min) THEN NULL`,
          `  WHEN ${raw} < ${n(0)} THEN ${n(0)}`,
          `  WHEN ${raw} > ${n(100)} THEN ${n(100)}`,
          `  ELSE ${raw}`,
          'END AS computed_score',
        ].join('\n'),
      },
      { sql: `CASE WHEN active_total > 0 THEN cov / active_total ELSE ${n(0)} END AS coverage` },
    ])}\n  FROM combined AS v`,
  );

  let finalFrom = 'scored';
  if (sc.overrides.length) {
    const rows = sc.overrides.map((o, oi) => {
      const where = `overrides[${oi}]`;
      const score = o.score !== undefined ? n(o.score) : `CAST(NULL AS ${d.realType})`;
      const band = o.band !== undefined ? quoteString(o.band, `${where}.band`) : `CAST(NULL AS ${d.textType})`;
      return `    (${quoteString(o.accountKey, `${where}.accountKey`)}, ${score}, ${band}, ${n(isoToEpochDay(o.expires))} /* ${o.expires} */)`;
    });
    cte('overrides(account_key, score, band, expires_day)', ['12. Manual overrides: in force for snapshots dated on or before their expiry.'], `  VALUES\n${rows.join(',\n')}`);
    cte(
      'with_overrides',
      ['13. Overrides applied: a score override replaces the score (its band follows from the thresholds); a band', '    override forces the band and keeps the computed score.'],
      [
        '  SELECT',
        '    v.*,',
        '    COALESCE(o.score, v.computed_score) AS final_score,',
        '    o.band AS forced_band,',
        '    CASE WHEN o.account_key IS NULL THEN 0 ELSE 1 END AS is_overridden',
        '  FROM scored AS v',
        `  LEFT JOIN overrides AS o ON o.account_key = ${d.keyText('v.account_id')} AND v.snapshot_day <= o.expires_day`,
      ].join('\n'),
    );
    finalFrom = 'with_overrides';
  }

  const score = finalFrom === 'with_overrides' ? 'final_score' : 'computed_score';
  const band = lines(
    'CASE',
    finalFrom === 'with_overrides' && '  WHEN forced_band IS NOT NULL THEN forced_band',
    `  WHEN ${score} IS NULL THEN 'unscored'`,
    `  WHEN ${score} < red - ${tol} THEN 'red'`,
    `  WHEN ${score} < green - ${tol} THEN 'yellow'`,
    `  ELSE 'green'`,
    'END AS band',
  ).join('\n');
  const outItems = [
    { sql: 'account_id' },
    { sql: 'segment_id AS segment' },
    { sql: `${score} AS score` },
    { comment: ['red below the red threshold, yellow below green, else green (1e-9 tolerance: a score at a threshold takes the upper band)'], sql: band },
    { sql: 'coverage' },
    { sql: `${finalFrom === 'with_overrides' ? 'is_overridden' : '0'} AS overridden` },
    ...(sc.grades?.length
      ? [
          {
            sql: lines(
              'CASE',
              `  WHEN ${score} IS NULL THEN NULL`,
              sc.grades.map((g, gi) => `  WHEN ${score} >= ${n(g.min)} - ${tol} THEN ${quoteString(g.grade, `grades[${gi}].grade`)}`),
              'END AS grade',
            ).join('\n'),
          },
        ]
      : []),
    ...plans.map((p) => ({ sql: `${p.s} AS ${q(`sub_${p.metric.id}`)}` })),
  ];

  const header = [
    `-- Scorecard ${commentText(JSON.stringify(sc.name))} as SQL (${d.name}), generated by Healthscore Workbench.`,
    '-- It computes the same scores as the app: see docs/sql-export.md.',
    '--',
    `-- Source: ${commentText(options.schema !== undefined ? `${options.schema}.${options.table}` : options.table)}, one row per account in the snapshot. Columns read:`,
    `--   ${commentText(JSON.stringify(options.idColumn))}: the account id (compared as text with override account keys)`,
    ...reg.columns.map((c) => `--   ${commentText(JSON.stringify(c.name))}: ${columnUse(c.views)}`),
    '-- Numbers may be REAL/DOUBLE/INTEGER or text; dates YYYY-MM-DD text (or DATE in DuckDB); booleans 0/1,',
    '-- true/false or yes/no text. Blank, N/A and unparseable cells are missing, never 0.',
    `-- ${snapshotNote}`,
    '--',
    '-- Output: account_id, segment, score (NULL when unscored), band (red / yellow / green / unscored),',
    `-- coverage, overridden (1 when a manual override is in force)${sc.grades?.length ? ', grade' : ''}, and sub_<metric id> per metric.`,
  ];

  const finalComment = '-- The result: one row per account, bands from the segment\'s thresholds.';
  return `${header.join('\n')}\nWITH\n${ctes.join(',\n')}\n${finalComment}\nSELECT\n${selectList(outItems, '  ')}\nFROM ${finalFrom};\n`;
}

function columnUse(views: Set<string>): string {
  const uses = [...views].map((v) => ({ number: 'a number', date: 'a date', bool: 'a boolean' })[v] ?? v);
  return uses.length ? `read as ${uses.join(' and as ')}` : 'compared as text (or as numbers for number cells)';
}
