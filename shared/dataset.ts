// The in-memory, columnar shape of a workspace's data: what the demo generator and the importers
// produce, what the store writes, and what the scoring engine reads. Columns are aligned to the
// account order (index i is the i-th account); nothing here is an object per account.

export type FieldKind = 'number' | 'boolean' | 'date' | 'text';

/**
 * number: the value; boolean: 1 or 0; date: days since 1970-01-01 (see dates.ts).
 * NaN (or null for text) is missing. Text columns hold strings.
 */
export type ColumnValues = Float64Array | (string | null)[];

export interface FieldDef {
  name: string;
  kind: FieldKind;
}

export interface DatasetColumn {
  field: FieldDef;
  values: ColumnValues;
}

/** Finds an id's position (-1 when absent). */
export interface KeyLookup {
  find(key: string): number;
}

export interface AccountsTable {
  /** Stable account ids from the mapped id column; unique. */
  keys: string[];
  /**
   * An index over `keys` from a builder that made them unique (DatasetBuilder): the store matches
   * ids through it instead of indexing them again. Without it the store indexes and checks them.
   */
  keyIndex?: KeyLookup;
  names: string[];
  /** Annual recurring revenue, NaN where unknown. */
  arr: Float64Array;
  /** Per-account attributes used by segment rules and filters (segment, csm_assigned, region…). */
  attributes: DatasetColumn[];
}

export interface SnapshotData {
  /** `YYYY-MM-DD` */
  asOf: string;
  /** 1 where the account has a row in this snapshot (an account that churned earlier has none). */
  present: Uint8Array;
  metrics: DatasetColumn[];
}

export interface ChurnEvent {
  accountIndex: number;
  /** `YYYY-MM-DD`, or null when only a churn flag is known. */
  churnDate: string | null;
}

export interface WorkspaceDataset {
  accounts: AccountsTable;
  snapshots: SnapshotData[];
  churn: ChurnEvent[];
}

export function isTextColumn(values: ColumnValues): values is (string | null)[] {
  return Array.isArray(values);
}
