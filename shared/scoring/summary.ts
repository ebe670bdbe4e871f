// JSON-able summaries of an engine's current outputs: accounts and ARR per band per segment, and
// the score histogram. ARR sums are recomputed from the bands on request (exact, no drift), since a
// slider move only needs counts and the histogram.

import { BAND_ABSENT, BAND_NAMES, COUNTED_BANDS } from '../scorecard/bands';
import { segmentList } from '../scorecard/resolve';
import type { ScoringEngine } from './engine';

export interface BandTally {
  red: number;
  yellow: number;
  green: number;
  unscored: number;
}

export interface SegmentSummary {
  id: string;
  label: string;
  accounts: BandTally;
  /** ARR per band; accounts with unknown ARR add nothing. */
  arr: BandTally;
}

export interface EngineSummary {
  segments: SegmentSummary[];
  total: SegmentSummary;
  /** Scored accounts per bin over [0, 100]; bin = min(⌊(score + 1e-9) × bins / 100⌋, bins − 1). */
  histogram: number[];
}

/** Slots per segment while summing: the counted bands and one for absent accounts (dropped). */
const SLOTS = BAND_ABSENT + 1;

/**
 * ARR per [segment × band] (red, yellow, green, unscored); accounts with unknown ARR add nothing.
 * The worker runs it after every slider move over every account, so the loop has no branches:
 * absent accounts go to a slot of their own and a missing ARR adds 0 (1M accounts: ~2.3 → ~1.5 ms).
 */
export function arrByBand(engine: ScoringEngine): Float64Array {
  const { arr, segment, segmentIds } = engine.matrix;
  const out = new Float64Array(segmentIds.length * COUNTED_BANDS);
  if (!arr) return out;
  const band = engine.band;
  const sums = new Float64Array(segmentIds.length * SLOTS);
  for (let i = 0; i < band.length; i++) {
    const a = arr[i];
    const b = band[i];
    sums[segment[i] * SLOTS + (b < COUNTED_BANDS ? b : BAND_ABSENT)] += a === a ? a : 0;
  }
  for (let k = 0; k < segmentIds.length; k++) {
    for (let b = 0; b < COUNTED_BANDS; b++) out[k * COUNTED_BANDS + b] = sums[k * SLOTS + b];
  }
  return out;
}

function tally(values: ArrayLike<number>, offset: number): BandTally {
  return { red: values[offset], yellow: values[offset + 1], green: values[offset + 2], unscored: values[offset + 3] };
}

function addTally(a: BandTally, b: BandTally): BandTally {
  return { red: a.red + b.red, yellow: a.yellow + b.yellow, green: a.green + b.green, unscored: a.unscored + b.unscored };
}

export function summarize(engine: ScoringEngine): EngineSummary {
  const defs = segmentList(engine.scorecard);
  const arr = arrByBand(engine);
  const segments = defs.map((d, k) => ({
    id: d.id,
    label: d.label,
    accounts: tally(engine.bandCounts, k * COUNTED_BANDS),
    arr: tally(arr, k * COUNTED_BANDS),
  }));
  const zero: BandTally = { red: 0, yellow: 0, green: 0, unscored: 0 };
  const total: SegmentSummary = {
    id: '*',
    label: 'All accounts',
    accounts: segments.reduce((t, s) => addTally(t, s.accounts), zero),
    arr: segments.reduce((t, s) => addTally(t, s.arr), zero),
  };
  return { segments, total, histogram: Array.from(engine.histogram) };
}

export function bandName(code: number): (typeof BAND_NAMES)[number] {
  return BAND_NAMES[code] ?? 'absent';
}
