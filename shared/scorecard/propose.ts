// A first scorecard proposed from column profiles, for a user who has just imported a sheet:
// every usable metric column with a sensible method and direction, equal weights, 40/70
// thresholds, and one segment per value of a `segment` attribute. Notes say what was skipped.

import type { ColumnProfile, DatasetProfile } from './profile';
import { parseScorecard } from './validate';
import type { Direction, MetricMethod, Scorecard } from './types';

export interface Proposal {
  scorecard: Scorecard;
  /** Why columns were skipped or treated a certain way, for the user to review. */
  notes: string[];
}

/** Names where more is worse: tickets, escalations, overdue invoices, days since last contact… */
const LOWER_IS_BETTER =
  /ticket|days?_?since|since_?last|last_?(login|seen|activity|contact|meeting|touch)|overdue|past_?due|delinquen|escalat|incident|bug|complaint|outage|downtime|error|churn|late_?pay|open_?cases?|sla_?breach|detractor|response_?time|resolution_?time|at_?risk/i;

/** Revenue columns describe the stakes (ARR at risk), not the health. */
const REVENUE = /^(arr|mrr|acv|tcv|revenue|contract_?value)$/i;

/** Traffic-light style labels recognised in text columns (compared lower-cased). */
const RAG_SCORES: Record<string, number> = {
  green: 100,
  good: 100,
  healthy: 100,
  yellow: 50,
  amber: 50,
  neutral: 50,
  ok: 50,
  okay: 50,
  fair: 50,
  red: 0,
  bad: 0,
  poor: 0,
  critical: 0,
  'at risk': 0,
  'at-risk': 0,
};

const MAX_CATEGORIES = 12;
const MAX_SEGMENTS = 20;

export function slugId(name: string, taken: Set<string>): string {
  const base = name.trim().replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._-]+/, '').slice(0, 90) || 'column';
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
  taken.add(id);
  return id;
}

export function humanLabel(name: string): string {
  const words = name.trim().replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\s+/g, ' ');
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

function directionOf(name: string): Direction {
  return LOWER_IS_BETTER.test(name) ? 'lowerIsBetter' : 'higherIsBetter';
}

/** A method for the column, or a reason to skip it. */
function methodFor(p: ColumnProfile): { method: MetricMethod; direction: Direction } | string {
  if (p.count > 0 && p.missing === p.count) return 'every value is missing';
  switch (p.kind) {
    case 'number': {
      if (REVENUE.test(p.name)) return 'revenue describes what is at stake, not health (it is used for ARR at risk)';
      if (p.distinctCount < 2) return 'it has a single value';
      const useProfile = p.p5 !== undefined && p.p95 !== undefined && p.p5 < p.p95;
      return { method: useProfile ? { type: 'linear', lo: p.p5, hi: p.p95 } : { type: 'linear' }, direction: directionOf(p.name) };
    }
    case 'boolean':
      return { method: { type: 'boolean' }, direction: directionOf(p.name) };
    case 'date':
      return { method: { type: 'daysSince', scoring: { type: 'linear' } }, direction: 'lowerIsBetter' };
    case 'text': {
      const values = p.topValues ?? [];
      if (p.distinctCount > MAX_CATEGORIES || values.length < p.distinctCount) return `it has ${p.distinctCount} distinct values`;
      if (!values.every((v) => v.value.toLowerCase() in RAG_SCORES)) {
        return 'its values are not recognised as green/yellow/red style labels; add a category map by hand';
      }
      const map = Object.fromEntries(values.map((v) => [v.value, RAG_SCORES[v.value.toLowerCase()]]));
      return { method: { type: 'category', map }, direction: 'higherIsBetter' };
    }
  }
}

export function proposeDefaultScorecard(profile: DatasetProfile, options: { name?: string } = {}): Proposal {
  const notes: string[] = [];
  const ids = new Set<string>();
  const metrics = profile.metrics.flatMap((p) => {
    const m = methodFor(p);
    if (typeof m === 'string') {
      notes.push(`Skipped "${p.name}": ${m}.`);
      return [];
    }
    if (m.direction === 'lowerIsBetter' && p.kind !== 'date') notes.push(`"${p.name}" is scored lower-is-better (from its name).`);
    return [{ id: slugId(p.name, ids), label: humanLabel(p.name), source: p.name, method: m.method, direction: m.direction, weight: 1 }];
  });
  if (metrics.length === 0) throw new Error('No column can be scored: a scorecard needs at least one number, boolean, date or traffic-light column.');

  const segmentAttr = profile.attributes.find((a) => a.name.toLowerCase() === 'segment' && a.kind === 'text');
  const segIds = new Set<string>(['default']);
  const segments =
    segmentAttr && segmentAttr.distinctCount <= MAX_SEGMENTS
      ? (segmentAttr.topValues ?? []).map((v) => ({
          id: slugId(v.value.toLowerCase(), segIds),
          label: v.value,
          when: [{ attribute: segmentAttr.name, operator: 'eq' as const, value: v.value }],
          weights: {},
          groupWeights: {},
        }))
      : [];
  if (segmentAttr && segments.length === 0) notes.push(`"${segmentAttr.name}" has too many values to make one segment each.`);

  const scorecard = parseScorecard({
    schemaVersion: 1,
    name: options.name ?? 'Proposed health score',
    description: 'Proposed from the data: equal weights, linear ranges from the 5th to the 95th percentile.',
    thresholds: { red: 40, green: 70 },
    metrics,
    segments,
    defaultSegment: { id: 'default', label: segments.length ? 'Other accounts' : 'All accounts' },
  });
  return { scorecard, notes };
}
