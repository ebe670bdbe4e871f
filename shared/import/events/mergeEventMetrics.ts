// Puts event-table metrics into a built dataset: each aggregation becomes a number metric in the
// snapshot of each of its dates (a snapshot is created for a date the dataset does not have yet).
// An account counts as present at D once it has an event dated on or before D: before its first
// event it did not exist yet as far as these tables know.

import type { SnapshotData, WorkspaceDataset } from '../../dataset';
import { epochDayToIso } from '../../dates';
import { ImportError, quoted } from '../importError';

export interface EventMetric {
  name: string;
  /** The events sheet it comes from (for messages). */
  fileName: string;
  /** One column per date (same order as the days given to addEventMetrics). */
  byDate: Float64Array[];
}

/** Refuses two metrics with the same name (letter case aside) from events or from other sheets. */
function checkNames(dataset: WorkspaceDataset, metrics: readonly EventMetric[]): void {
  const taken = new Map<string, string>();
  for (const s of dataset.snapshots) for (const m of s.metrics) taken.set(m.field.name.toLowerCase(), 'another sheet of this import');
  for (const m of metrics) {
    const key = m.name.toLowerCase();
    const other = taken.get(key);
    if (other !== undefined) {
      throw new ImportError('invalid_mapping', `The aggregation "${m.name}" of ${quoted(m.fileName)} has the name of a metric of ${other}: give it another name.`, m.fileName);
    }
    taken.set(key, quoted(m.fileName));
  }
}

export function addEventMetrics(dataset: WorkspaceDataset, days: Float64Array, metrics: readonly EventMetric[], firstEventDay: Float64Array): WorkspaceDataset {
  checkNames(dataset, metrics);
  const n = dataset.accounts.keys.length;
  const byDate = new Map(dataset.snapshots.map((s) => [s.asOf, s]));
  const added: SnapshotData[] = [];
  days.forEach((day, d) => {
    const asOf = epochDayToIso(day);
    let snapshot = byDate.get(asOf);
    if (!snapshot) {
      snapshot = { asOf, present: new Uint8Array(n), metrics: [] };
      byDate.set(asOf, snapshot);
      added.push(snapshot);
    }
    const present = snapshot.present;
    for (let a = 0; a < n; a++) if (firstEventDay[a] <= day) present[a] = 1;
    for (const m of metrics) snapshot.metrics.push({ field: { name: m.name, kind: 'number' }, values: m.byDate[d] });
  });
  const snapshots = [...dataset.snapshots, ...added].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  return { ...dataset, snapshots };
}
