// What the designer should show, computed in the test process: the workspace's data and saved draft
// fetched over HTTP with the page's own token, scored with the engine (float32 sub-scores, as the
// app's worker uses).

import type { ApiEnvelope, ScorecardState, ScoringDataTransfer } from '../../shared/api';
import { unpackColumn, unpackStrings } from '../../shared/columnTransfer';
import { TOKEN_HEADER } from '../../shared/httpProtocol';
import type { Scorecard } from '../../shared/scorecard/types';
import type { ScoringData } from '../../shared/scoring/data';
import { ScoringEngine } from '../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../shared/scoring/matrix';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { RunningHost } from '../helpers/browserHost';

export async function callApi<T>(host: RunningHost, method: string, args: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: encodeWire(args) });
  const envelope = decodeWire(new Uint8Array(await res.arrayBuffer())) as ApiEnvelope<T>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

export async function latestScoringData(host: RunningHost): Promise<ScoringData> {
  const t = (await callApi<ScoringDataTransfer | null>(host, 'getScoringData', {}))!;
  return {
    keys: unpackStrings(t.keys, t.accountCount),
    arr: t.arr,
    attributes: t.attributes.map(unpackColumn),
    metrics: t.metrics.map(unpackColumn),
    snapshotDay: t.snapshotDay,
    present: t.present,
  };
}

export async function savedDraft(host: RunningHost): Promise<Scorecard> {
  return (await callApi<ScorecardState>(host, 'getScorecard', {})).draft;
}

/** Accounts per band over all segments: red, yellow, green, unscored. */
export function bandTotals(sc: Scorecard, data: ScoringData): number[] {
  const engine = new ScoringEngine(sc, buildSubScoreMatrix(sc, data, { precision: 'float32' }), { bins: 100 });
  const out = [0, 0, 0, 0];
  for (let k = 0; k < engine.segmentCount; k++) for (let b = 0; b < 4; b++) out[b] += engine.bandCounts[k * 4 + b];
  return out;
}

/** A metric's weight in force in a segment of the scorecard. */
export function weightIn(sc: Scorecard, segmentLabel: string, metricLabel: string): unknown {
  const metric = sc.metrics.find((m) => m.label === metricLabel)!;
  const segment = [...sc.segments, sc.defaultSegment].find((s) => s.label === segmentLabel)!;
  return segment.weights[metric.id] ?? metric.weight;
}
