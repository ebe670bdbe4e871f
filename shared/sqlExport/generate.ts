// A scorecard as one portable SELECT statement that computes, in a warehouse, the same scores as
// the engine (shared/scoring/): same parsing of cells, segment rules, sub-scores (default linear
// bounds and percentile ranks included), weighting and missing-data policies, coverage,
// adjustments, overrides and bands, in the same floating-point operations and order, so that the
// results agree to the last bits. See docs/sql-export.md.
//
// Each stage of the statement is built by its own module; this one puts them in order. The order
// of the steps below matters: they register the source columns the statement reads (and refuse
// what cannot be exported) in the order the header and the inputs list them.

import type { Scorecard } from '../scorecard/types';
import { ColumnRegistry } from './columns';
import { dialectOf } from './dialect';
import { addInputCtes } from './inputs';
import { addMetricValuesCte, planMetrics } from './metricPlans';
import { type SqlExportOptions, checkOptions, sourceOf } from './options';
import { addScoreCtes, checkOutputNames, statementSql } from './output';
import { addSegmentedCte, segmentation, snapshotDay } from './segments';
import { CteList } from './sqlText';
import { addSubScoreCtes } from './subScores';
import { addWeightingCtes, segmentWeights } from './weighting';

export { DEFAULT_SNAPSHOT_COLUMN, type SqlExportOptions } from './options';

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
  const { table, idRef } = sourceOf(options);
  checkOutputNames(sc);

  const snapshot = snapshotDay(sc, options, d, reg);
  const segments = segmentation(sc, d, reg);
  const plans = planMetrics(sc, d, reg);
  const weights = segmentWeights(sc, d, plans);

  const ctes = new CteList();
  addInputCtes(ctes, d, reg, table, idRef);
  addSegmentedCte(ctes, sc, snapshot, segments);
  addMetricValuesCte(ctes, plans);
  addSubScoreCtes(ctes, d, plans);
  addWeightingCtes(ctes, sc, d, plans, weights);
  const finalFrom = addScoreCtes(ctes, sc, d);
  return statementSql({ sc, options, d, reg, plans, snapshotNote: snapshot.note, ctes, finalFrom });
}
