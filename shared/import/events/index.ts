// Events sheets: event-level tables (tickets, usage records, subscriptions) aggregated into
// per-account snapshot metrics. See docs/import-mapping-format.md, "Events sheets".

export {
  AGGREGATION_OPS,
  WINDOW_OPS,
  ACTIVE_OPS,
  DEFAULT_LOOKBACK_DAYS,
  OP_COLUMN_TYPES,
  validateEventMapping,
  type AggregationOp,
  type EventAggregation,
  type EventTableOptions,
  type EventSheetMapping,
  type AccountVia,
} from './eventMapping';
export { aggregateEvents, type EventColumns, type AggregationPlan } from './aggregate';
export { monthStartsCovering, eventSnapshotDays } from './snapshotDates';
export { EventSheetReader, type EventSheetSpec } from './eventSheetReader';
export { EventImport, type ImportSheetReport, type WorkspaceImportReport, type WorkspaceImportResult } from './eventImport';
export { buildWorkspaceImport, assertHasAccountSheet, type ImportSheet } from './buildWithEvents';
