// Column values <-> SQLite blobs. Numeric columns are raw little-endian float64 (NaN = missing);
// text columns are a JSON array of strings/nulls. A column shorter than the current account count
// (written before later accounts were added) reads back padded with missing values.

import type { ColumnValues, FieldKind } from '../../shared/dataset';

export function encodeColumn(values: ColumnValues): Buffer {
  if (Array.isArray(values)) return Buffer.from(JSON.stringify(values), 'utf8');
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function decodeColumn(kind: FieldKind, blob: Buffer, rowCount: number, accountCount: number): ColumnValues {
  if (kind === 'text') {
    const parsed: unknown = JSON.parse(blob.toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== rowCount) throw new Error('text column blob does not match its row count');
    const out: (string | null)[] = new Array(accountCount).fill(null);
    for (let i = 0; i < rowCount && i < accountCount; i++) {
      const v: unknown = parsed[i];
      out[i] = typeof v === 'string' ? v : null;
    }
    return out;
  }
  if (blob.byteLength !== rowCount * 8) throw new Error('numeric column blob does not match its row count');
  const out = new Float64Array(accountCount).fill(Number.NaN);
  // Copy through a fresh buffer: SQLite's blob may not be 8-byte aligned.
  const copy = new Float64Array(rowCount);
  new Uint8Array(copy.buffer).set(blob);
  out.set(rowCount <= accountCount ? copy : copy.subarray(0, accountCount));
  return out;
}

export function encodePresence(present: Uint8Array): Buffer {
  return Buffer.from(present.buffer, present.byteOffset, present.byteLength);
}

export function decodePresence(blob: Buffer, accountCount: number): Uint8Array {
  const out = new Uint8Array(accountCount);
  out.set(blob.subarray(0, Math.min(blob.byteLength, accountCount)));
  return out;
}
