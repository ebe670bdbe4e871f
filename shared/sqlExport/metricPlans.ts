// Stage 4 of the statement: for each metric, the SQL names of its columns, its missing-data
// policy, and the value it scores (a number, days since a date, 1/0, or a category's score).

import type { BandsMethod, LinearMethod, MetricDef, Scorecard } from '../scorecard/types';
import type { ColumnRegistry } from './columns';
import { type Dialect, commentText, quoteIdent, quoteString } from './dialect';
import { SqlExportError } from './errors';
import { type CteList, selectList } from './sqlText';

export interface MetricPlan {
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

/** A quoted SQL name made of generated parts (metric ids included). */
export function sqlName(name: string): string {
  return quoteIdent(name, 'name');
}

export function methodDescription(m: MetricDef): string {
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

export function planMetrics(sc: Scorecard, d: Dialect, reg: ColumnRegistry): MetricPlan[] {
  const n = (x: number) => d.num(x);
  return sc.metrics.map((m, mi) => {
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
      x: sqlName(`x${i}_${m.id}`),
      s: sqlName(`s${i}_${m.id}`),
      w: sqlName(`w${i}_${m.id}`),
      impute: policy === 'zero' ? 0 : policy === 'neutral' ? 50 : null,
      bounds: needLo || needHi ? { cte: sqlName(`bounds${i}_${m.id}`), alias: `b${i}`, lo: needLo, hi: needHi } : null,
      p: method.type === 'percentile' ? sqlName(`p${i}_${m.id}`) : null,
      valueSql,
      describe: `${methodDescription(m)}; column ${JSON.stringify(m.source)}`,
    };
  });
}

export function addMetricValuesCte(ctes: CteList, plans: MetricPlan[]): void {
  ctes.add(
    'metric_values',
    ['4. The value each metric scores (days since the snapshot for days-since metrics; 1/0 for booleans;', '   the mapped score for categories, unmapped values missing).'],
    `  SELECT\n    v.*,\n${selectList(plans.map((p) => ({ comment: [`${commentText(JSON.stringify(p.metric.id))}: ${commentText(p.describe)}`], sql: `${p.valueSql} AS ${p.x}` })))}\n  FROM segmented AS v`,
  );
}
