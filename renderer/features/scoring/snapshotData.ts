// A snapshot as the worker keeps it: the engine's ScoringData (columns unpacked from their
// transfer form) plus what the accounts table needs beside scores (churn, the snapshot date).

import type { ScoringDataTransfer } from '../../../shared/api';
import { unpackColumn, unpackStrings } from '../../../shared/columnTransfer';
import type { ScoringData } from '../../../shared/scoring/data';

export interface WorkerSnapshot {
  asOf: string;
  data: ScoringData & { present: Uint8Array };
  churned: Uint8Array;
  /** Bytes of its columns, for the history cache's budget. */
  bytes: number;
}

export function unpackSnapshot(transfer: ScoringDataTransfer, keys?: readonly string[]): WorkerSnapshot {
  const n = transfer.accountCount;
  const unpackedKeys = keys ?? unpackStrings(transfer.keys, n);
  const metrics = transfer.metrics.map(unpackColumn);
  const attributes = transfer.attributes.map(unpackColumn);
  const churned = new Uint8Array(n);
  for (let i = 0; i < n; i++) churned[i] = transfer.churnUndated[i] || transfer.churnDay[i] === transfer.churnDay[i] ? 1 : 0;
  // Numbers are 8 bytes, text columns a pointer per cell; close enough for a cache budget.
  const bytes = (metrics.length + attributes.length) * n * 8 + n * 10;
  return {
    asOf: transfer.asOf,
    data: {
      keys: unpackedKeys,
      arr: transfer.arr,
      attributes,
      metrics,
      snapshotDay: transfer.snapshotDay,
      present: transfer.present,
    },
    churned,
    bytes,
  };
}
