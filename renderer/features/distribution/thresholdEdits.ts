// Where a threshold drag is written: into the segment's own thresholds when it overrides them,
// otherwise into the scorecard's (which every segment without an override follows).

import { segmentList, segmentThresholds } from '../../../shared/scorecard/resolve';
import type { Scorecard, Thresholds } from '../../../shared/scorecard/types';

/** The thresholds in force for a scope: the scorecard's, or one segment's. */
export function thresholdsFor(sc: Scorecard, segmentId: string | null): Thresholds {
  const k = segmentId === null ? -1 : segmentList(sc).findIndex((s) => s.id === segmentId);
  return k < 0 ? sc.thresholds : segmentThresholds(sc, k);
}

export function withThresholds(sc: Scorecard, segmentId: string | null, next: Thresholds): Scorecard {
  const k = segmentId === null ? -1 : segmentList(sc).findIndex((s) => s.id === segmentId);
  const own = k >= 0 ? segmentList(sc)[k].thresholds : undefined;
  if (k < 0 || !own || (own.red === undefined && own.green === undefined)) return { ...sc, thresholds: { ...next } };
  // Only the overridden side is the segment's; the other still follows the scorecard.
  const segmentPart = { ...(own.red !== undefined ? { red: next.red } : {}), ...(own.green !== undefined ? { green: next.green } : {}) };
  const scorecardPart = { red: own.red !== undefined ? sc.thresholds.red : next.red, green: own.green !== undefined ? sc.thresholds.green : next.green };
  const base = { ...sc, thresholds: scorecardPart };
  if (k === sc.segments.length) return { ...base, defaultSegment: { ...sc.defaultSegment, thresholds: segmentPart } };
  return { ...base, segments: sc.segments.map((s, i) => (i === k ? { ...s, thresholds: segmentPart } : s)) };
}
