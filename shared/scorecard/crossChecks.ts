// Checks that span several fields of a scorecard that already has the right shape: references
// between ids, ordering of bands and thresholds, operator/value agreement. Each problem names the
// field path the user has to edit.

import { isIsoDate } from '../dates';
import { effectiveWeights, segmentList, segmentThresholds } from './resolve';
import type { Band, Condition, MetricMethod, Scorecard } from './types';

export interface ScorecardIssue {
  /** e.g. `segments[1].weights.nps`; `(file)` for problems with the file as a whole. */
  path: string;
  message: string;
}

type Report = (path: string, message: string) => void;

/** `base.key`, or `base["odd key"]` when the key is not a plain identifier. */
export function keyPath(base: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

function checkUnique(ids: string[], pathOf: (i: number) => string, what: string, report: Report): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else report(pathOf(i), `duplicate ${what} "${id}" (also at ${pathOf(first)})`);
  });
}

function checkBands(bands: Band[], path: string, report: Report): void {
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i].min < bands[i - 1].min)) {
      report(
        `${path}[${i}].min`,
        `bands must be ordered by decreasing min (first match wins): ${bands[i].min} after ${bands[i - 1].min} could never match`,
      );
    }
  }
}

function checkMethod(method: MetricMethod, path: string, report: Report): void {
  const numeric = method.type === 'daysSince' ? method.scoring : method;
  const where = method.type === 'daysSince' ? `${path}.scoring` : path;
  if (numeric.type === 'bands') checkBands(numeric.bands, `${where}.bands`, report);
  if (numeric.type === 'linear' && numeric.lo !== undefined && numeric.hi !== undefined && !(numeric.lo < numeric.hi)) {
    report(`${where}.hi`, `must be greater than lo (${numeric.lo})`);
  }
}

function checkCondition(c: Condition, path: string, report: Report): void {
  const v = c.value;
  switch (c.operator) {
    case 'isTrue':
    case 'isFalse':
      if (v !== undefined) report(`${path}.value`, `must be absent for operator ${c.operator}`);
      return;
    case 'in':
    case 'notIn':
      if (!Array.isArray(v) || v.length === 0) report(`${path}.value`, `must be a non-empty list for operator ${c.operator}`);
      return;
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
      if (!(typeof v === 'number' || (typeof v === 'string' && isIsoDate(v)))) {
        report(`${path}.value`, `must be a number or a YYYY-MM-DD date for operator ${c.operator}`);
      }
      return;
    default:
      if (v === undefined || Array.isArray(v)) report(`${path}.value`, `must be a single value for operator ${c.operator}`);
  }
}

export function crossCheckScorecard(sc: Scorecard): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const metricIds = new Set(sc.metrics.map((m) => m.id));
  const groupIds = new Set(sc.groups.map((g) => g.id));

  checkUnique(sc.metrics.map((m) => m.id), (i) => `metrics[${i}].id`, 'metric id', report);
  checkUnique(sc.groups.map((g) => g.id), (i) => `groups[${i}].id`, 'group id', report);
  const segIds = segmentList(sc).map((s) => s.id);
  checkUnique(segIds, (i) => (i < sc.segments.length ? `segments[${i}].id` : 'defaultSegment.id'), 'segment id', report);
  checkUnique(sc.adjustments.map((a) => a.id), (i) => `adjustments[${i}].id`, 'adjustment id', report);
  checkUnique(sc.overrides.map((o) => o.accountKey), (i) => `overrides[${i}].accountKey`, 'override for account', report);

  sc.metrics.forEach((m, i) => {
    if (m.group !== undefined && !groupIds.has(m.group)) report(`metrics[${i}].group`, `no group with id "${m.group}"`);
    checkMethod(m.method, `metrics[${i}].method`, report);
  });

  if (!(sc.thresholds.red < sc.thresholds.green)) report('thresholds.red', `must be below thresholds.green (${sc.thresholds.green})`);

  segmentList(sc).forEach((seg, si) => {
    const base = si < sc.segments.length ? `segments[${si}]` : 'defaultSegment';
    for (const key of Object.keys(seg.weights)) {
      if (!metricIds.has(key)) report(keyPath(`${base}.weights`, key), `no metric with id "${key}"`);
    }
    for (const key of Object.keys(seg.groupWeights)) {
      if (!groupIds.has(key)) report(keyPath(`${base}.groupWeights`, key), `no group with id "${key}"`);
    }
    if ('when' in seg) seg.when.forEach((c, ci) => checkCondition(c, `${base}.when[${ci}]`, report));
    const t = segmentThresholds(sc, si);
    if (seg.thresholds && !(t.red < t.green)) report(`${base}.thresholds`, `red (${t.red}) must be below green (${t.green})`);
    if (effectiveWeights(sc, si).every((w) => w === 0)) {
      report(`${base}.weights`, 'every metric is excluded in this segment; at least one metric (and its group) needs a weight > 0');
    }
  });

  sc.grades?.forEach((g, i) => {
    if (i > 0 && !(g.min < sc.grades![i - 1].min)) report(`grades[${i}].min`, 'grades must be ordered by decreasing min');
  });
  sc.adjustments.forEach((a, i) => checkCondition(a.when, `adjustments[${i}].when`, report));
  sc.overrides.forEach((o, i) => {
    if ((o.score === undefined) === (o.band === undefined)) report(`overrides[${i}]`, 'must set exactly one of score and band');
  });
  return issues;
}
