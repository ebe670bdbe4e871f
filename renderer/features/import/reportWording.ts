// How an import report and its pending decision are worded on the buttons and summaries.

import type { ImportDecision } from '../../../shared/api';
import type { WorkspaceImportReport as ImportReport } from '../../../shared/import/events';
import { formatCount } from '../../lib/format';

/** Rows left out if the import goes on: the report's per-sheet count, else the problem count. */
export function rowsToSkip(report: ImportReport | null, decision: ImportDecision): number {
  const skipped = report?.sheets.reduce((n, s) => n + s.rowsSkipped, 0) ?? 0;
  return skipped > 0 ? skipped : decision.rowProblems;
}

function replaceText(dates: readonly string[]): string {
  return dates.length === 1 ? `replace snapshot ${dates[0]}` : `replace ${formatCount(dates.length, 'snapshot')}`;
}

/** "Skip these 12 rows and import", "Replace snapshot 2026-11-01", or both. */
export function commitLabel(report: ImportReport | null, decision: ImportDecision): string {
  const rows = decision.rowProblems > 0 ? rowsToSkip(report, decision) : 0;
  const dates = decision.existingSnapshotDates;
  const skip = `skip these ${formatCount(rows, 'row')}`;
  const text = rows > 0 && dates.length > 0 ? `${skip}, ${replaceText(dates)} and import` : rows > 0 ? `${skip} and import` : dates.length > 0 ? replaceText(dates) : 'import';
  return text[0].toUpperCase() + text.slice(1);
}

/** `2 snapshots (2026-10-01 → 2026-11-01)`. */
export function snapshotsText(dates: readonly string[]): string {
  if (dates.length === 0) return 'none';
  const range = dates.length === 1 ? dates[0] : `${dates[0]} → ${dates[dates.length - 1]}`;
  return `${formatCount(dates.length, 'snapshot')} (${range})`;
}
