// One account's drawer, answered in the worker: the engine's explanation (sub-scores, applied
// weights, contributions), the raw cells behind each metric, and, when it has no score, why.

import type { AttributeValue } from '../../../shared/api';
import { isTextColumn, type DatasetColumn } from '../../../shared/dataset';
import { epochDayToIso } from '../../../shared/dates';
import { segmentList } from '../../../shared/scorecard/resolve';
import { findColumn } from '../../../shared/scoring/data';
import { explainAccount, type AccountExplanation } from '../../../shared/scoring/contributions';
import type { AccountDetail, MetricValue } from './protocol';
import type { ScoringSession } from './scoringSession';

function rawCell(column: DatasetColumn | undefined, i: number): AttributeValue {
  if (!column) return null;
  const values = column.values;
  if (isTextColumn(values)) return values[i];
  const v = values[i];
  if (!(v === v)) return null;
  if (column.field.kind === 'date') return epochDayToIso(v);
  if (column.field.kind === 'boolean') return v === 1;
  return v;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** People-readable reason for an unscored or absent account; null when it has a score. */
export function unscoredReason(e: AccountExplanation, minCoverage: number, asOf: string): string | null {
  if (!e.present) return `No row in the snapshot dated ${asOf} (the account may have churned earlier).`;
  if (e.band !== 'unscored') return null;
  const missing = e.metrics.filter((m) => m.effectiveWeight > 0 && !(m.subScore === m.subScore)).map((m) => m.label);
  const which = missing.length ? ` Missing: ${missing.join(', ')}.` : '';
  if (!(e.weightedScore === e.weightedScore)) return `No weighted metric has a value.${which}`;
  return `Coverage ${percent(e.coverage)} is below the minimum of ${percent(minCoverage)}.${which}`;
}

export function accountDetail(session: ScoringSession, i: number): AccountDetail {
  if (!Number.isInteger(i) || i < 0 || i >= session.accountCount) throw new RangeError(`no account at position ${i}`);
  const sc = session.scorecard;
  const explanation = explainAccount(session.engine, i);
  const data = session.current.data;
  const rawValues: MetricValue[] = sc.metrics.map((m) => ({
    metricId: m.id,
    label: m.label,
    source: m.source,
    raw: rawCell(findColumn(data, m.source, 'metrics'), i),
  }));
  const prev = session.previousScores();
  const previousScore = prev ? prev.score[i] : Number.NaN;
  const arr = data.arr?.[i] ?? Number.NaN;
  const segment = segmentList(sc).find((s) => s.id === explanation.segmentId);
  return {
    explanation,
    rawValues,
    name: session.names ? session.names[i] : null,
    arr: arr === arr ? arr : null,
    segmentLabel: segment?.label ?? explanation.segmentId,
    previousScore: previousScore === previousScore ? previousScore : null,
    minCoverage: sc.minCoverage,
    unscoredReason: unscoredReason(explanation, sc.minCoverage, session.current.asOf),
  };
}
