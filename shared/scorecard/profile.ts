// Column profiles: the summary of a data column that a default scorecard is proposed from (kind,
// missing count, distinct values, percentiles). Numbers come out of the same parsers and
// percentile definition the engine uses, so a proposed linear range means what it says.

import { type DatasetColumn, type FieldKind, isTextColumn } from '../dataset';
import { percentilesInPlace } from '../scoring/quantiles';
import { booleanColumn, numericColumn, textOf } from '../scoring/values';

export interface ColumnProfile {
  name: string;
  kind: FieldKind;
  /** Rows considered (present accounts). */
  count: number;
  missing: number;
  distinctCount: number;
  /** The most frequent values as text (most frequent first, at most 20), for text and boolean columns. */
  topValues?: { value: string; count: number }[];
  /** Numbers and dates (dates as days since 1970-01-01): over the non-missing values. */
  min?: number;
  max?: number;
  p5?: number;
  p50?: number;
  p95?: number;
}

export interface DatasetProfile {
  metrics: ColumnProfile[];
  attributes: ColumnProfile[];
}

const TOP_VALUES = 20;

function topValues(values: Iterable<string>): { distinct: number; top: { value: string; count: number }[] } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_VALUES)
    .map(([value, count]) => ({ value, count }));
  return { distinct: counts.size, top };
}

/** Profiles one column over the rows where `present` is 1 (all rows when omitted). */
export function profileColumn(column: DatasetColumn, present?: Uint8Array): ColumnProfile {
  const { name, kind } = column.field;
  const rows: number[] = [];
  for (let i = 0; i < column.values.length; i++) if (!present || present[i]) rows.push(i);
  const base = { name, kind, count: rows.length };
  if (kind === 'text' || kind === 'boolean') {
    const texts: string[] = [];
    if (isTextColumn(column.values)) {
      for (const i of rows) {
        const t = textOf(column.values[i]);
        if (t !== null) texts.push(t);
      }
    } else {
      const b = booleanColumn(column.values);
      for (const i of rows) if (b[i] === b[i]) texts.push(b[i] ? 'true' : 'false');
    }
    const { distinct, top } = topValues(texts);
    return { ...base, missing: rows.length - texts.length, distinctCount: distinct, topValues: top };
  }
  const x = numericColumn(column.values, kind === 'date');
  const finite = Float64Array.from(rows.map((i) => x[i]).filter((v) => v === v));
  const distinct = new Set(finite).size;
  if (finite.length === 0) return { ...base, missing: rows.length, distinctCount: 0 };
  const [p5, p50, p95] = percentilesInPlace(finite, [0.05, 0.5, 0.95]);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { ...base, missing: rows.length - finite.length, distinctCount: distinct, min, max, p5, p50, p95 };
}

export function profileDataset(data: { metrics: readonly DatasetColumn[]; attributes: readonly DatasetColumn[]; present?: Uint8Array }): DatasetProfile {
  return {
    metrics: data.metrics.map((c) => profileColumn(c, data.present)),
    attributes: data.attributes.map((c) => profileColumn(c)),
  };
}
