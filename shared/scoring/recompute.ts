// Full recompute of one segment's accumulators and final scores from the sub-score matrix. Rows
// are processed in blocks: for each block, each metric column is swept by a tight loop into small
// block accumulators that stay in L1 cache, then the block's accumulators are written out once.

import type { EngineLayout } from './layout';
import type { SubScoreColumn } from './matrix';
import { type EngineState, type FinishParams, finalScore } from './state';

const BLOCK = 512;

interface Term {
  col: SubScoreColumn;
  w: number;
  /** Value a missing sub-score counts as, or -1 to leave it out. */
  imp: number;
}

interface GroupPlan {
  slot: number;
  W: number;
  T: number;
  terms: Term[];
}

/**
 * The common case, kept separate so its loop stays minimal: a redistribute metric (missing = no
 * term) when coverage is tracked by the denominator itself (`ap` unused).
 */
function accumulatePresent(t: Term, rows: Uint32Array, r0: number, len: number, an: Float64Array, ad: Float64Array, ac: Uint16Array, i0: number): void {
  const col = t.col;
  const w = t.w;
  for (let b = 0; b < len; b++) {
    const v = col[i0 >= 0 ? i0 + b : rows[r0 + b]];
    if (v === v) {
      an[b] += w * v;
      ad[b] += w;
      ac[b]++;
    }
  }
}

/** accumulatePresent for four columns at once: a quarter of the accumulator traffic. */
function accumulatePresent4(ts: Term[], j: number, rows: Uint32Array, r0: number, len: number, an: Float64Array, ad: Float64Array, ac: Uint16Array, i0: number): void {
  const c0 = ts[j].col;
  const c1 = ts[j + 1].col;
  const c2 = ts[j + 2].col;
  const c3 = ts[j + 3].col;
  const w0 = ts[j].w;
  const w1 = ts[j + 1].w;
  const w2 = ts[j + 2].w;
  const w3 = ts[j + 3].w;
  for (let b = 0; b < len; b++) {
    const i = i0 >= 0 ? i0 + b : rows[r0 + b];
    const v0 = c0[i];
    const v1 = c1[i];
    const v2 = c2[i];
    const v3 = c3[i];
    let n = an[b];
    let d = ad[b];
    let c = ac[b];
    if (v0 === v0) {
      n += w0 * v0;
      d += w0;
      c++;
    }
    if (v1 === v1) {
      n += w1 * v1;
      d += w1;
      c++;
    }
    if (v2 === v2) {
      n += w2 * v2;
      d += w2;
      c++;
    }
    if (v3 === v3) {
      n += w3 * v3;
      d += w3;
      c++;
    }
    an[b] = n;
    ad[b] = d;
    ac[b] = c;
  }
}

/** accumulate for four columns at once. */
function accumulate4(ts: Term[], j: number, rows: Uint32Array, r0: number, len: number, an: Float64Array, ad: Float64Array, ap: Float64Array, ac: Uint16Array): void {
  const t0 = ts[j];
  const t1 = ts[j + 1];
  const t2 = ts[j + 2];
  const t3 = ts[j + 3];
  const c0 = t0.col;
  const c1 = t1.col;
  const c2 = t2.col;
  const c3 = t3.col;
  for (let b = 0; b < len; b++) {
    const i = rows[r0 + b];
    let n = an[b];
    let d = ad[b];
    let p = ap[b];
    let c = ac[b];
    let v = c0[i];
    if (v === v) {
      n += t0.w * v;
      d += t0.w;
      p += t0.w;
      c++;
    } else if (t0.imp >= 0) {
      n += t0.w * t0.imp;
      d += t0.w;
      c++;
    }
    v = c1[i];
    if (v === v) {
      n += t1.w * v;
      d += t1.w;
      p += t1.w;
      c++;
    } else if (t1.imp >= 0) {
      n += t1.w * t1.imp;
      d += t1.w;
      c++;
    }
    v = c2[i];
    if (v === v) {
      n += t2.w * v;
      d += t2.w;
      p += t2.w;
      c++;
    } else if (t2.imp >= 0) {
      n += t2.w * t2.imp;
      d += t2.w;
      c++;
    }
    v = c3[i];
    if (v === v) {
      n += t3.w * v;
      d += t3.w;
      p += t3.w;
      c++;
    } else if (t3.imp >= 0) {
      n += t3.w * t3.imp;
      d += t3.w;
      c++;
    }
    an[b] = n;
    ad[b] = d;
    ap[b] = p;
    ac[b] = c;
  }
}

/** All terms into the block accumulators, four columns per sweep. */
function accumulateAll(ts: Term[], rows: Uint32Array, r0: number, len: number, an: Float64Array, ad: Float64Array, ap: Float64Array, ac: Uint16Array): void {
  let j = 0;
  for (; j + 4 <= ts.length; j += 4) accumulate4(ts, j, rows, r0, len, an, ad, ap, ac);
  for (; j < ts.length; j++) accumulate(ts[j], rows, r0, len, an, ad, ap, ac);
}

/** Adds one column's terms for rows[r0 … r0+len) into the block accumulators. */
function accumulate(t: Term, rows: Uint32Array, r0: number, len: number, an: Float64Array, ad: Float64Array, ap: Float64Array, ac: Uint16Array): void {
  const col = t.col;
  const w = t.w;
  const imp = t.imp;
  for (let b = 0; b < len; b++) {
    const v = col[rows[r0 + b]];
    if (v === v) {
      an[b] += w * v;
      ad[b] += w;
      ap[b] += w;
      ac[b]++;
    } else if (imp >= 0) {
      an[b] += w * imp;
      ad[b] += w;
      ac[b]++;
    }
  }
}

function plan(layout: EngineLayout, columns: readonly SubScoreColumn[], k: number): { singles: Term[]; groups: GroupPlan[] } {
  const M = layout.metricCount;
  const U = layout.units.length;
  const singles: Term[] = [];
  const groups: GroupPlan[] = [];
  layout.units.forEach((unit, u) => {
    const slot = layout.groupSlot[u];
    const W = layout.unitW[k * U + u];
    if (slot < 0) {
      const m = unit.metrics[0];
      if (W > 0) singles.push({ col: columns[m], w: W, imp: layout.impute[m] });
      return;
    }
    // Group sums are kept even when the group weight is 0, so that raising it later is incremental.
    const terms = unit.metrics
      .filter((m) => layout.metricW[k * M + m] > 0)
      .map((m) => ({ col: columns[m], w: layout.metricW[k * M + m], imp: layout.impute[m] }));
    groups.push({ slot, W, T: layout.innerTotal[k * U + u], terms });
  });
  return { singles, groups };
}

export function recomputeSegment(
  layout: EngineLayout,
  columns: readonly SubScoreColumn[],
  rows: Uint32Array,
  state: EngineState,
  fp: FinishParams,
  k: number,
): void {
  const { singles, groups } = plan(layout, columns, k);
  const { num, den, cov, cnt } = state;
  const separateCov = cov !== den;
  const an = new Float64Array(BLOCK);
  const ad = new Float64Array(BLOCK);
  const ap = new Float64Array(BLOCK);
  const ac = new Uint16Array(BLOCK);
  const gn = new Float64Array(BLOCK);
  const gd = new Float64Array(BLOCK);
  const gp = new Float64Array(BLOCK);
  const gc = new Uint16Array(BLOCK);
  const { covMin, adj, score } = fp;
  for (let r0 = 0; r0 < rows.length; r0 += BLOCK) {
    const len = Math.min(BLOCK, rows.length - r0);
    an.fill(0);
    ad.fill(0);
    ap.fill(0);
    ac.fill(0);
    if (separateCov) accumulateAll(singles, rows, r0, len, an, ad, ap, ac);
    else {
      // A block of consecutive accounts (the usual case) is read without the row indirection.
      const i0 = rows[r0 + len - 1] - rows[r0] === len - 1 ? rows[r0] : -1;
      let j = 0;
      for (; j + 4 <= singles.length; j += 4) accumulatePresent4(singles, j, rows, r0, len, an, ad, ac, i0);
      for (; j < singles.length; j++) accumulatePresent(singles[j], rows, r0, len, an, ad, ac, i0);
    }
    for (const g of groups) {
      gn.fill(0);
      gd.fill(0);
      gp.fill(0);
      gc.fill(0);
      accumulateAll(g.terms, rows, r0, len, gn, gd, gp, gc);
      const gs = state.groups[g.slot];
      const separatePw = gs.pw !== gs.den;
      const W = g.W;
      const covFactor = W > 0 && g.T > 0 ? W / g.T : 0;
      for (let b = 0; b < len; b++) {
        const i = rows[r0 + b];
        gs.num[i] = gn[b];
        gs.den[i] = gd[b];
        if (separatePw) gs.pw[i] = gp[b];
        gs.cnt[i] = gc[b];
        if (W > 0 && gc[b] > 0) {
          an[b] += W * (gn[b] / gd[b]);
          ad[b] += W;
          ac[b]++;
        }
        ap[b] += covFactor * gp[b];
      }
    }
    for (let b = 0; b < len; b++) {
      const i = rows[r0 + b];
      num[i] = an[b];
      den[i] = ad[b];
      if (separateCov) cov[i] = ap[b];
      cnt[i] = ac[b];
      score[i] = finalScore(an[b], ad[b], separateCov ? ap[b] : ad[b], covMin, adj === null ? 0 : adj[i]);
    }
  }
}
