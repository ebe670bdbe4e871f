// Stages 11–13 of the statement and its result: the clamped score (NULL when unscored), manual
// overrides, bands and grades, the output columns, and the header describing them.

import { isoToEpochDay } from '../dates';
import { COMPARISON_TOLERANCE, type Scorecard } from '../scorecard/types';
import type { ColumnRegistry } from './columns';
import { type Dialect, commentText, quoteString } from './dialect';
import { SqlExportError } from './errors';
import { type MetricPlan, sqlName } from './metricPlans';
import type { SqlExportOptions } from './options';
import { type CteList, lines, selectList } from './sqlText';

/** Output column names: SQL names are case-insensitive, so metric ids differing only in case clash. */
export function checkOutputNames(sc: Scorecard): void {
  const outNames = new Map<string, string>();
  sc.metrics.forEach((m) => {
    const key = `sub_${m.id}`.toLowerCase();
    const other = outNames.get(key);
    if (other !== undefined) throw new SqlExportError(`metric "${m.id}": its sub-score column would clash with that of metric "${other}" (SQL names ignore case)`);
    outNames.set(key, m.id);
  });
}

/** The score CTEs: clamped score and coverage, then overrides when any; returns the CTE the result reads. */
export function addScoreCtes(ctes: CteList, sc: Scorecard, d: Dialect): string {
  const n = (x: number) => d.num(x);
  const raw = `num / den + adjustment_points`;
  ctes.add(
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

  if (!sc.overrides.length) return 'scored';
  const rows = sc.overrides.map((o, oi) => {
    const where = `overrides[${oi}]`;
    const score = o.score !== undefined ? n(o.score) : `CAST(NULL AS ${d.realType})`;
    const band = o.band !== undefined ? quoteString(o.band, `${where}.band`) : `CAST(NULL AS ${d.textType})`;
    return `    (${quoteString(o.accountKey, `${where}.accountKey`)}, ${score}, ${band}, ${n(isoToEpochDay(o.expires))} /* ${o.expires} */)`;
  });
  ctes.add('overrides(account_key, score, band, expires_day)', ['12. Manual overrides: in force for snapshots dated on or before their expiry.'], `  VALUES\n${rows.join(',\n')}`);
  ctes.add(
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
  return 'with_overrides';
}

/** The final SELECT's items: one row per account, bands from the segment's thresholds. */
function outputItems(sc: Scorecard, d: Dialect, plans: MetricPlan[], finalFrom: string) {
  const n = (x: number) => d.num(x);
  const tol = n(COMPARISON_TOLERANCE);
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
  return [
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
    ...plans.map((p) => ({ sql: `${p.s} AS ${sqlName(`sub_${p.metric.id}`)}` })),
  ];
}

function columnUse(views: Set<string>): string {
  const uses = [...views].map((v) => ({ number: 'a number', date: 'a date', bool: 'a boolean' })[v] ?? v);
  return uses.length ? `read as ${uses.join(' and as ')}` : 'compared as text (or as numbers for number cells)';
}

/** The comment heading the statement: what it reads and what it returns. */
function header(sc: Scorecard, options: SqlExportOptions, d: Dialect, reg: ColumnRegistry, snapshotNote: string): string[] {
  return [
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
}

export interface StatementParts {
  sc: Scorecard;
  options: SqlExportOptions;
  d: Dialect;
  reg: ColumnRegistry;
  plans: MetricPlan[];
  snapshotNote: string;
  ctes: CteList;
  finalFrom: string;
}

/** The whole statement: header, WITH clause, and the final SELECT over `finalFrom`. */
export function statementSql({ sc, options, d, reg, plans, snapshotNote, ctes, finalFrom }: StatementParts): string {
  const outItems = outputItems(sc, d, plans, finalFrom);
  const finalComment = '-- The result: one row per account, bands from the segment\'s thresholds.';
  return `${header(sc, options, d, reg, snapshotNote).join('\n')}\nWITH\n${ctes.ctes.join(',\n')}\n${finalComment}\nSELECT\n${selectList(outItems, '  ')}\nFROM ${finalFrom};\n`;
}
