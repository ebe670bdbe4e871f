// Test helpers: small datasets built from plain arrays, scorecards with defaults, and a naive
// per-account implementation of the weighting contract (written independently of the engine's
// incremental state) to compare against.

import type { DatasetColumn } from '../../../shared/dataset';
import { parseScorecard } from '../../../shared/scorecard/validate';
import type { Scorecard } from '../../../shared/scorecard/types';
import type { ScoringData } from '../../../shared/scoring/data';
import { ScoringEngine, type EngineOptions } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix, type SubScoreMatrix } from '../../../shared/scoring/matrix';

type Cells = readonly (number | null)[] | readonly (string | null)[];

function column(name: string, cells: Cells, kind?: DatasetColumn['field']['kind']): DatasetColumn {
  const isText = cells.some((c) => typeof c === 'string');
  if (isText) return { field: { name, kind: kind ?? 'text' }, values: cells.map((c) => (c === null ? null : String(c))) };
  return { field: { name, kind: kind ?? 'number' }, values: Float64Array.from(cells as (number | null)[], (c) => (c === null ? Number.NaN : c)) };
}

export interface DataSpec {
  metrics: Record<string, Cells>;
  attributes?: Record<string, Cells>;
  kinds?: Record<string, DatasetColumn['field']['kind']>;
  keys?: string[];
  arr?: number[];
  snapshotDay?: number;
  present?: number[];
}

export function makeData(spec: DataSpec): ScoringData {
  const n = Object.values(spec.metrics)[0]?.length ?? Object.values(spec.attributes ?? {})[0]?.length ?? 0;
  return {
    keys: spec.keys ?? Array.from({ length: n }, (_, i) => `A${i}`),
    arr: spec.arr ? Float64Array.from(spec.arr) : undefined,
    metrics: Object.entries(spec.metrics).map(([name, cells]) => column(name, cells, spec.kinds?.[name])),
    attributes: Object.entries(spec.attributes ?? {}).map(([name, cells]) => column(name, cells, spec.kinds?.[name])),
    snapshotDay: spec.snapshotDay ?? 20_000,
    present: spec.present ? Uint8Array.from(spec.present) : undefined,
  };
}

/** A scorecard from the essentials; metrics default to linear 0–100 on a column of the same name. */
export function card(raw: Record<string, unknown>): Scorecard {
  return parseScorecard({ schemaVersion: 1, name: 'test', ...raw });
}

export function linearMetric(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, label: id, source: id, method: { type: 'linear', lo: 0, hi: 100 }, ...extra };
}

export function score(sc: Scorecard, data: ScoringData, options?: EngineOptions & { precision?: 'float32' | 'float64' }) {
  const matrix = buildSubScoreMatrix(sc, data, { precision: options?.precision });
  const engine = new ScoringEngine(sc, matrix, options);
  return { matrix, engine };
}

/**
 * The contract, account by account: effective weights per segment, then redistribute / zero /
 * neutral by the definitions in DESIGN.md, coverage, adjustments and clamp. No overrides.
 */
export function naiveScores(sc: Scorecard, matrix: SubScoreMatrix): { score: number[]; coverage: number[] } {
  const segs = [...sc.segments, sc.defaultSegment];
  const n = matrix.accountCount;
  const score: number[] = [];
  const coverage: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!matrix.present[i]) {
      score.push(Number.NaN);
      coverage.push(0);
      continue;
    }
    const seg = segs[matrix.segment[i]];
    const wOf = (w: unknown) => (typeof w === 'number' && w > 0 ? w : 0);
    const mw = sc.metrics.map((m) => wOf(m.id in seg.weights ? seg.weights[m.id] : m.weight));
    // Units: groups with metrics, then ungrouped metrics as groups of one (weight = metric weight).
    const units: { W: number; members: number[] }[] = [];
    for (const g of sc.groups) {
      const members = sc.metrics.flatMap((m, mi) => (m.group === g.id ? [mi] : []));
      if (members.length) units.push({ W: wOf(g.id in seg.groupWeights ? seg.groupWeights[g.id] : g.weight), members });
    }
    sc.metrics.forEach((m, mi) => {
      if (m.group === undefined) units.push({ W: mw[mi], members: [mi] });
    });
    const live = units.filter((u) => u.W > 0 && u.members.some((m) => mw[m] > 0));
    const sumW = live.reduce((s, u) => s + u.W, 0);
    let cov = 0;
    let outerNum = 0;
    let outerDen = 0;
    for (const u of live) {
      const T = u.members.reduce((s, m) => s + mw[m], 0);
      let gn = 0;
      let gd = 0;
      for (const m of u.members) {
        if (!(mw[m] > 0)) continue;
        const v = matrix.columns[m][i];
        const policy = sc.metrics[m].missing ?? sc.missingPolicy;
        if (v === v) cov += (u.W / sumW) * (mw[m] / T);
        const used = v === v ? v : policy === 'zero' ? 0 : policy === 'neutral' ? 50 : Number.NaN;
        if (used === used) {
          gn += mw[m] * used;
          gd += mw[m];
        }
      }
      if (gd > 0) {
        outerNum += u.W * (gn / gd);
        outerDen += u.W;
      }
    }
    coverage.push(cov);
    if (outerDen === 0 || cov < sc.minCoverage - 1e-9) {
      score.push(Number.NaN);
      continue;
    }
    let s = outerNum / outerDen;
    sc.adjustments.forEach((a, ai) => {
      if (matrix.adjustmentMasks[ai][i]) s += a.points;
    });
    score.push(Math.min(100, Math.max(0, s)));
  }
  return { score, coverage };
}

/** max |a − b| treating NaN = NaN as equal and NaN vs number as Infinity. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.POSITIVE_INFINITY;
    worst = Math.max(worst, Math.abs(x - y));
  }
  return worst;
}
