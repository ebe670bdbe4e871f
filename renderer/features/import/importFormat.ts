// Wording and rounding for the import screens (display only).

import type { ImportProgress } from '../../../shared/api';
import type { AggregationOp } from '../../../shared/import/events/eventMapping';
import type { ColumnRole, ImportSheetKind } from '../../../shared/import/mapping';
import type { FieldKind } from '../../../shared/dataset';
import { formatInteger } from '../../lib/format';

export const ROLE_LABELS: Record<ColumnRole, string> = {
  accountId: 'Account id',
  accountName: 'Account name',
  snapshotDate: 'Snapshot date',
  attribute: 'Attribute',
  metric: 'Metric',
  churnedFlag: 'Churned flag',
  churnDate: 'Churn date',
  arr: 'ARR',
  ignore: 'Ignore',
};

export const TYPE_LABELS: Record<FieldKind, string> = { number: 'Number', boolean: 'Yes/no', date: 'Date', text: 'Text' };

export const KIND_LABELS: Record<ImportSheetKind, string> = {
  accounts: 'Accounts — one row per account',
  snapshots: 'Snapshots — rows per account and date',
  churnEvents: 'Churn events — account id and churn date',
  events: 'Events — one row per ticket, usage record, subscription…',
};

export const OP_LABELS: Record<AggregationOp, string> = {
  count: 'Count of events',
  sum: 'Sum of',
  mean: 'Mean of',
  max: 'Largest',
  countTrue: 'Count where yes',
  activeCount: 'Active rows at the date',
  activeSum: 'Sum over active rows of',
};

export const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading',
  analysing: 'Analysing columns',
  building: 'Building the dataset',
  writing: 'Writing to the workspace',
};

const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

export function formatRate(rowsPerSecond: number): string {
  return `${formatInteger(Math.round(rowsPerSecond))} rows/s`;
}

/** `about 40 s left`, `about 3 min left`; null when unknown. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 1) return 'almost done';
  if (seconds < 90) return `about ${Math.ceil(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An epoch day as people read it: `3 April 2024`. */
export function formatLongDate(epochDay: number): string {
  return LONG_DATE.format(new Date(epochDay * 86_400_000));
}

/** Share 0–100 with one decimal below 10: `0.2%`, `45%`. */
export function formatShare(percent: number): string {
  if (percent === 0) return '0%';
  return `${percent < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
}
