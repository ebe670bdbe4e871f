// Why an account scores what it scores: per metric, the sub-score, the weight it actually carried
// and its contribution. Contributions are computed afresh from the matrix for the one account:
//   contribution_m = appliedWeight_m × value_m,
//   appliedWeight_m = (W_u / Σ W over the account's units with a term) × (w_m / Σ w over the terms in u)
// where value_m is the sub-score (or 0 / 50 when imputed under zero / neutral). The contributions
// sum to the weighted score before adjustments, clamping and overrides. Under zero / neutral with
// every metric counted, appliedWeight equals the contract's effective weight.

import { BAND_NAMES, gradeOf } from '../scorecard/bands';
import { effectiveWeights, segmentList } from '../scorecard/resolve';
import type { BandName, ManualOverride } from '../scorecard/types';
import type { ScoringEngine } from './engine';

export type ContributionStatus = 'present' | 'imputed' | 'missing' | 'excluded';

export interface MetricContribution {
  metricId: string;
  label: string;
  groupId: string | null;
  /** The sub-score, NaN when missing. */
  subScore: number;
  /** present: counted; imputed: missing, counted as 0/50; missing: left out (redistribute); excluded: weight 0. */
  status: ContributionStatus;
  /** The contract's effective weight in the account's segment (what the sliders say). */
  effectiveWeight: number;
  /** The share of the weighted score this metric actually carried for this account. */
  appliedWeight: number;
  /** appliedWeight × the value used (0 when not counted). */
  contribution: number;
}

export interface AccountExplanation {
  accountIndex: number;
  key: string;
  segmentId: string;
  present: boolean;
  coverage: number;
  /** Σ contributions: the weighted score before adjustments (NaN without any counted metric). */
  weightedScore: number;
  adjustments: { id: string; label: string; points: number }[];
  /** NaN when unscored. */
  computedScore: number;
  override: (ManualOverride & { active: boolean; applied: boolean }) | null;
  finalScore: number;
  band: BandName | 'unscored' | 'absent';
  grade: string | null;
  metrics: MetricContribution[];
}

export function explainAccount(engine: ScoringEngine, i: number): AccountExplanation {
  const { matrix } = engine;
  const sc = engine.scorecard;
  const L = engine.currentLayout;
  const k = matrix.segment[i];
  const M = L.metricCount;
  const U = L.units.length;
  const present = matrix.present[i] === 1;
  const eff = effectiveWeights(sc, k);
  const rows: MetricContribution[] = sc.metrics.map((m, mi) => ({
    metricId: m.id,
    label: m.label,
    groupId: m.group ?? null,
    subScore: matrix.columns[mi][i],
    status: 'excluded',
    effectiveWeight: eff[mi],
    appliedWeight: 0,
    contribution: 0,
  }));
  // Per unit: the terms that count for this account and their inner weight sum.
  const unitTerms: { u: number; W: number; terms: { m: number; w: number; v: number }[]; inner: number }[] = [];
  for (let u = 0; u < U; u++) {
    const W = L.unitW[k * U + u];
    const terms: { m: number; w: number; v: number }[] = [];
    let inner = 0;
    for (const m of L.units[u].metrics) {
      const w = L.metricW[k * M + m];
      if (!(w > 0) || !(W > 0)) continue;
      const v = rows[m].subScore;
      if (v === v) rows[m].status = 'present';
      else rows[m].status = L.impute[m] >= 0 ? 'imputed' : 'missing';
      if (rows[m].status === 'missing') continue;
      terms.push({ m, w, v: v === v ? v : L.impute[m] });
      inner += w;
    }
    if (present && terms.length > 0) unitTerms.push({ u, W, terms, inner });
  }
  const outer = unitTerms.reduce((s, t) => s + t.W, 0);
  let weighted = unitTerms.length > 0 ? 0 : Number.NaN;
  for (const t of unitTerms) {
    for (const term of t.terms) {
      const applied = (t.W / outer) * (term.w / t.inner);
      rows[term.m].appliedWeight = applied;
      rows[term.m].contribution = applied * term.v;
      weighted += applied * term.v;
    }
  }
  const adjustments = sc.adjustments.flatMap((a, ai) => (matrix.adjustmentMasks[ai][i] ? [{ id: a.id, label: a.label, points: a.points }] : []));
  const oi = engine.overrides.entries.findIndex((e) => e.accountIndex === i);
  const o = oi >= 0 ? engine.overrides.entries[oi] : null;
  const computedScore = o ? engine.overrides.computed[oi] : engine.score[i];
  const finalScore = engine.score[i];
  return {
    accountIndex: i,
    key: matrix.keys[i],
    segmentId: segmentList(sc)[k].id,
    present,
    coverage: engine.coverageOf(i),
    weightedScore: weighted,
    adjustments,
    computedScore,
    override: o ? { ...o.override, active: o.active, applied: o.active && engine.overridesApplied } : null,
    finalScore,
    band: BAND_NAMES[engine.band[i]] as AccountExplanation['band'],
    grade: gradeOf(finalScore, sc.grades),
    metrics: rows,
  };
}
