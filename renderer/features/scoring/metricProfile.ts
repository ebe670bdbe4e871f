// The distribution of one metric's raw values in the latest snapshot, for the metric editor's
// small histogram: numbers (or days since a date) in equal bins between the 1st and 99th
// percentile widened to the bounds in use, or category counts for text.

import { isTextColumn } from '../../../shared/dataset';
import { findColumn } from '../../../shared/scoring/data';
import { percentilesInPlace } from '../../../shared/scoring/quantiles';
import { categoryColumn, numericColumn } from '../../../shared/scoring/values';
import type { MetricProfile } from './protocol';
import type { ScoringSession } from './scoringSession';

const MAX_CATEGORIES = 30;

export function metricProfile(session: ScoringSession, metricId: string, bins: number): MetricProfile {
  const sc = session.scorecard;
  const m = sc.metrics.findIndex((x) => x.id === metricId);
  if (m < 0) throw new RangeError(`no metric with id "${metricId}"`);
  const metric = sc.metrics[m];
  const { data } = session.current;
  const column = findColumn(data, metric.source, 'metrics');
  if (!column) throw new RangeError(`no column named "${metric.source}"`);
  const present = data.present;
  const resolution = session.engine.matrix.resolutions[m];
  const base = {
    metricId,
    resolvedLo: resolution?.lo ?? null,
    resolvedHi: resolution?.hi ?? null,
  };

  if (metric.method.type === 'category' || (isTextColumn(column.values) && metric.method.type !== 'daysSince' && metric.method.type !== 'boolean')) {
    const cells = categoryColumn(column.values);
    const counts = new Map<string, number>();
    let missing = 0;
    let seen = 0;
    for (let i = 0; i < cells.length; i++) {
      if (!present[i]) continue;
      seen++;
      const c = cells[i];
      if (c === null) missing++;
      else counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const categories = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count).slice(0, MAX_CATEGORIES);
    return { ...base, kind: 'category', lo: 0, hi: 0, counts: [], categories, missing, present: seen };
  }

  const x = numericColumn(column.values, metric.method.type === 'daysSince' || column.field.kind === 'date');
  if (metric.method.type === 'daysSince') for (let i = 0; i < x.length; i++) x[i] = data.snapshotDay - x[i];
  const values: number[] = [];
  let seen = 0;
  for (let i = 0; i < x.length; i++) {
    if (!present[i]) continue;
    seen++;
    if (x[i] === x[i]) values.push(x[i]);
  }
  const sorted = Float64Array.from(values);
  let [lo, hi] = percentilesInPlace(sorted, [0.01, 0.99]);
  if (base.resolvedLo !== null) lo = Math.min(lo, base.resolvedLo);
  if (base.resolvedHi !== null) hi = Math.max(hi, base.resolvedHi);
  if (!(lo === lo)) [lo, hi] = [0, 1];
  if (!(hi > lo)) hi = lo + 1;
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (const v of values) {
    // Values beyond the range pile into the end bins so nothing disappears from the picture.
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[b]++;
  }
  return { ...base, kind: 'numeric', lo, hi, counts, categories: [], missing: seen - values.length, present: seen };
}
