// An import of sheets already in memory (tests, small files): the events sheets go to an
// EventImport, the others to the DatasetBuilder, and the result is one dataset and report.

import { type BuildOptions, DatasetBuilder } from '../buildDataset';
import { ImportError } from '../importError';
import { type ImportMapping, isEventMapping } from '../mapping';
import type { RowBatch } from '../rowBatch';
import { EventImport, type WorkspaceImportResult } from './eventImport';

export interface ImportSheet {
  fileName: string;
  headers: readonly string[];
  mapping: ImportMapping;
  batches: Iterable<RowBatch>;
}

/** Events sheets count for the accounts of the other sheets, so an import needs at least one of those. */
export function assertHasAccountSheet(mappings: readonly ImportMapping[]): void {
  if (mappings.some(isEventMapping) && mappings.every(isEventMapping)) {
    throw new ImportError('invalid_argument', 'An import of events sheets needs an accounts, snapshots or churn events sheet too: events are counted for the accounts those sheets list.');
  }
}

export function buildWorkspaceImport(sheets: readonly ImportSheet[], options: BuildOptions): WorkspaceImportResult {
  assertHasAccountSheet(sheets.map((s) => s.mapping));
  const builder = new DatasetBuilder(options);
  const events = new EventImport(options.onProblem);
  sheets.forEach((sheet, position) => {
    const { mapping } = sheet;
    const reader = isEventMapping(mapping) ? events.addSheet({ ...sheet, mapping }, position) : builder.addSheet({ ...sheet, mapping });
    for (const batch of sheet.batches) reader.push(batch);
  });
  return events.finish(builder.finish());
}
