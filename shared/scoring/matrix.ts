// The sub-score matrix: everything about one snapshot that depends on the data but not on weights.
// Sub-scores are stored metric-major (one contiguous column per metric, NaN = missing), so that a
// weight change reads exactly one column. Segment membership and adjustment points are resolved
// here too, once per snapshot.

import { segmentList } from '../scorecard/resolve';
import type { Scorecard } from '../scorecard/types';
import { compileCondition } from './conditions';
import { type ScoringData, ScoringError, accountCount, checkColumnLengths, findColumn } from './data';
import { type WasmMemory, align16, fixedMemory, kernelModule } from './kernel/wasmKernel';
import { matrixStructureKey } from './scorecardEdits';
import { type MetricResolution, computeSubScores } from './subScores';

export type SubScorePrecision = 'float32' | 'float64';
export type SubScoreColumn = Float32Array | Float64Array;

export interface SubScoreMatrix {
  accountCount: number;
  /** matrixStructureKey of the scorecard it was built for. */
  structureKey: string;
  /** Float32 halves the memory (80 MB at 1M × 20) at ~1e-5 absolute score error; float64 is exact. */
  precision: SubScorePrecision;
  metricIds: string[];
  /** columns[m][i]: account i's sub-score for metric m, NaN when missing or absent. */
  columns: SubScoreColumn[];
  resolutions: MetricResolution[];
  segmentIds: string[];
  /** Segment index per account (into segmentIds; the default segment is last). */
  segment: Uint8Array | Uint16Array;
  /** Rows of present accounts, per segment, ascending. */
  segmentRows: Uint32Array[];
  present: Uint8Array;
  /** Σ points of the adjustments each account matches; null when the scorecard has none. */
  adjustmentPoints: Float64Array | null;
  /** Per adjustment: 1 where the account matches it. */
  adjustmentMasks: Uint8Array[];
  snapshotDay: number;
  keys: readonly string[];
  arr: Float64Array | null;
  /** Where the columns and adjustment points live in a WebAssembly memory, for the SIMD kernel. */
  wasm?: MatrixMemory | null;
}

/** A matrix's columns (and adjustment points) as views on one memory that never grows. */
export interface MatrixMemory {
  memory: WasmMemory;
  /** Byte offset of each column. */
  columnOffsets: number[];
  /** Byte offset of adjustmentPoints, or -1 when the scorecard has no adjustments. */
  adjustmentOffset: number;
}

/**
 * The matrix's arrays: in one fixed WebAssembly memory when the kernel can run here (sized once,
 * so views never detach), else ordinary typed arrays.
 */
function allocateArrays(n: number, metricCount: number, precision: SubScorePrecision, withAdjustments: boolean) {
  const bpe = precision === 'float32' ? 4 : 8;
  const columnBytes = align16(n * bpe);
  const memory = kernelModule() ? fixedMemory(metricCount * columnBytes + (withAdjustments ? align16(n * 8) : 0)) : null;
  const newColumn = (m: number): SubScoreColumn => {
    if (!memory) return precision === 'float32' ? new Float32Array(n) : new Float64Array(n);
    return precision === 'float32' ? new Float32Array(memory.buffer, m * columnBytes, n) : new Float64Array(memory.buffer, m * columnBytes, n);
  };
  const adjustmentOffset = memory && withAdjustments ? metricCount * columnBytes : -1;
  return {
    newColumn,
    adjustmentPoints: withAdjustments ? (memory ? new Float64Array(memory.buffer, adjustmentOffset, n) : new Float64Array(n)) : null,
    wasm: memory ? { memory, columnOffsets: Array.from({ length: metricCount }, (_, m) => m * columnBytes), adjustmentOffset } : null,
  };
}

export interface BuildOptions {
  /** Default 'float64'. */
  precision?: SubScorePrecision;
}

/** Segment index per account: the first segment whose conditions all match, else the default. */
export function assignSegments(sc: Scorecard, data: ScoringData): Uint8Array | Uint16Array {
  const n = accountCount(data);
  const segs = segmentList(sc);
  const out = segs.length <= 256 ? new Uint8Array(n) : new Uint16Array(n);
  const defaultIndex = segs.length - 1;
  out.fill(defaultIndex);
  const assigned = new Uint8Array(n);
  sc.segments.forEach((seg, si) => {
    const tests = seg.when.map((c, ci) => {
      const where = `segments[${si}].when[${ci}]`;
      const column = findColumn(data, c.attribute, 'attributes');
      if (!column) throw new ScoringError(`${where}.attribute: no column named "${c.attribute}" in the data`);
      return compileCondition(c, column, where);
    });
    for (let i = 0; i < n; i++) {
      if (assigned[i]) continue;
      let match = true;
      for (const t of tests) if (!t(i)) match = false;
      if (match) {
        out[i] = si;
        assigned[i] = 1;
      }
    }
  });
  return out;
}

function rowsBySegment(segment: Uint8Array | Uint16Array, present: Uint8Array, segmentCount: number): Uint32Array[] {
  const counts = new Uint32Array(segmentCount);
  for (let i = 0; i < segment.length; i++) if (present[i]) counts[segment[i]]++;
  const rows = Array.from(counts, (c) => new Uint32Array(c));
  const fill = new Uint32Array(segmentCount);
  for (let i = 0; i < segment.length; i++) if (present[i]) rows[segment[i]][fill[segment[i]]++] = i;
  return rows;
}

export function buildSubScoreMatrix(sc: Scorecard, data: ScoringData, options: BuildOptions = {}): SubScoreMatrix {
  checkColumnLengths(data);
  const n = accountCount(data);
  const precision = options.precision ?? 'float64';
  const present = data.present ?? new Uint8Array(n).fill(1);
  const segmentIds = segmentList(sc).map((s) => s.id);
  const segment = assignSegments(sc, data);
  const segmentRows = rowsBySegment(segment, present, segmentIds.length);
  let presentCount = 0;
  for (let i = 0; i < n; i++) if (present[i]) presentCount++;
  const presentRows = new Uint32Array(presentCount);
  for (let i = 0, k = 0; i < n; i++) if (present[i]) presentRows[k++] = i;

  const ctx = { presentRows, segmentRows, snapshotDay: data.snapshotDay };
  const arrays = allocateArrays(n, sc.metrics.length, precision, sc.adjustments.length > 0);
  const scratch = new Float64Array(n);
  const columns: SubScoreColumn[] = [];
  const resolutions: MetricResolution[] = [];
  sc.metrics.forEach((metric, mi) => {
    const column = findColumn(data, metric.source, 'metrics');
    if (!column) throw new ScoringError(`metrics[${mi}].source: no column named "${metric.source}" in the data`);
    scratch.fill(Number.NaN);
    resolutions.push(computeSubScores(metric, column, ctx, scratch));
    const out = arrays.newColumn(mi);
    out.set(scratch);
    columns.push(out);
  });

  const adjustmentMasks = sc.adjustments.map((a, ai) => {
    const where = `adjustments[${ai}].when`;
    const column = findColumn(data, a.when.attribute, 'attributes');
    if (!column) throw new ScoringError(`${where}.attribute: no column named "${a.when.attribute}" in the data`);
    const test = compileCondition(a.when, column, where);
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) mask[i] = test(i) ? 1 : 0;
    return mask;
  });
  const adjustmentPoints = arrays.adjustmentPoints;
  if (adjustmentPoints) {
    sc.adjustments.forEach((a, ai) => {
      const mask = adjustmentMasks[ai];
      for (let i = 0; i < n; i++) if (mask[i]) adjustmentPoints[i] += a.points;
    });
  }

  return {
    accountCount: n,
    structureKey: matrixStructureKey(sc),
    precision,
    metricIds: sc.metrics.map((m) => m.id),
    columns,
    resolutions,
    segmentIds,
    segment,
    segmentRows,
    present,
    adjustmentPoints,
    adjustmentMasks,
    snapshotDay: data.snapshotDay,
    keys: data.keys,
    arr: data.arr ?? null,
    wasm: arrays.wasm,
  };
}
