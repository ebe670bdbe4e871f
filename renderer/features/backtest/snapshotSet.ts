// The snapshots the session worker holds, unpacked for the engine, and the churn history. Each
// snapshot keeps only its own data (no peeking: scores at T come from the snapshot dated T).

import type { ScoringDataTransfer } from '../../../shared/api';
import type { ChurnHistory } from '../../../shared/backtest/types';
import { unpackColumn, unpackStrings } from '../../../shared/columnTransfer';
import type { DatasetColumn } from '../../../shared/dataset';
import { isoToEpochDay } from '../../../shared/dates';
import type { ScoringData } from '../../../shared/scoring/data';

export interface HeldSnapshot {
  asOf: string;
  day: number;
  data: ScoringData & { present: Uint8Array };
  /**
   * ARR for "revenue at risk" at this date: the snapshot's own `arr` metric when it has one (dated,
   * so no peeking), else the account's current ARR — the same rule as the CLI (backtestInput.ts).
   */
  arr: Float64Array;
}

/** The snapshot's numeric `arr` metric (name compared case-insensitively), if any. */
export function snapshotArrOf(metrics: readonly DatasetColumn[], accountArr: Float64Array): Float64Array {
  const metric = metrics.find((m) => m.field.name.toLowerCase() === 'arr' && m.field.kind === 'number');
  return metric && !Array.isArray(metric.values) ? metric.values : accountArr;
}

export class SnapshotSet {
  readonly keys: readonly string[];
  readonly churn: ChurnHistory;
  readonly snapshotDates: string[];
  private readonly held = new Map<string, HeldSnapshot>();
  /** Account attributes are the same in every snapshot: unpacked once, shared. */
  private readonly attributes: DatasetColumn[];

  constructor(first: ScoringDataTransfer) {
    this.keys = unpackStrings(first.keys, first.accountCount);
    this.churn = { churnDay: first.churnDay, churnedUndated: first.churnUndated };
    this.snapshotDates = [...first.snapshotDates];
    this.attributes = first.attributes.map(unpackColumn);
    this.add(first);
  }

  get accountCount(): number {
    return this.keys.length;
  }

  add(transfer: ScoringDataTransfer): HeldSnapshot {
    if (transfer.accountCount !== this.accountCount) {
      throw new RangeError(`snapshot ${transfer.asOf} has ${transfer.accountCount} accounts, the session ${this.accountCount}`);
    }
    if (!this.snapshotDates.includes(transfer.asOf)) throw new RangeError(`${transfer.asOf} is not a snapshot date of this workspace`);
    const metrics = transfer.metrics.map(unpackColumn);
    const snapshot: HeldSnapshot = {
      asOf: transfer.asOf,
      day: transfer.snapshotDay,
      data: {
        keys: this.keys,
        arr: transfer.arr,
        attributes: this.attributes,
        metrics,
        snapshotDay: transfer.snapshotDay,
        present: transfer.present,
      },
      arr: snapshotArrOf(metrics, transfer.arr),
    };
    this.held.set(transfer.asOf, snapshot);
    return snapshot;
  }

  has(asOf: string): boolean {
    return this.held.has(asOf);
  }

  get(asOf: string): HeldSnapshot {
    const s = this.held.get(asOf);
    if (!s) throw new RangeError(`the data of snapshot ${asOf} has not been loaded`);
    return s;
  }

  /** Held snapshots in date order. */
  heldInOrder(): HeldSnapshot[] {
    return this.snapshotDates.filter((d) => this.held.has(d)).map((d) => this.held.get(d)!);
  }

  get loadedDates(): string[] {
    return this.snapshotDates.filter((d) => this.held.has(d));
  }

  /** The newest snapshot's day: churn is known up to it, so later windows are incomplete. */
  get lastDay(): number {
    return isoToEpochDay(this.snapshotDates[this.snapshotDates.length - 1]);
  }
}
