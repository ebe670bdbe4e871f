// Shared shapes of the back-test: per-account columns in, plain objects and typed arrays out.
// Band codes mirror shared/scorecard/bands.ts (kept literal here so the statistics depend on nothing
// but their inputs).

export const BAND_RED = 0;
export const BAND_YELLOW = 1;
export const BAND_GREEN = 2;
export const BAND_UNSCORED = 3;
/** No row in this snapshot (e.g. the account churned earlier): left out of every statistic. */
export const BAND_ABSENT = 4;
/** Rows of a band table, in this order. */
export const BAND_ROWS = ['red', 'yellow', 'green', 'unscored'] as const;
export type BandRowName = (typeof BAND_ROWS)[number];

/** Label codes in a `y` column (see labels.ts). */
export const Y_RETAINED = 0;
export const Y_CHURNED = 1;
/** Not part of this back-test (churned earlier, undated churn in dated mode, override, absent). */
export const Y_EXCLUDED = 255;

/** The scored accounts of one snapshot, aligned by account index. */
export interface ScoredAccounts {
  /** Health score in [0, 100]; NaN = unscored (any non-finite value is treated as unscored). */
  score: Float64Array;
  /** 0 red, 1 yellow, 2 green, 3 unscored, 4 absent from the snapshot. */
  band: Uint8Array;
  /** Segment index into `segmentNames`. */
  segment: Uint16Array;
  segmentNames: readonly string[];
  /** ARR, NaN where unknown (unknown ARR adds nothing to ARR sums). */
  arr: Float64Array;
  /** 1 = a manual override is active; left out of statistics unless `includeOverrides`. */
  override: Uint8Array;
}

/** What is known about churn, aligned by account index. */
export interface ChurnHistory {
  /** Epoch day (days since 1970-01-01, see shared/dates.ts) of churn; NaN = not churned or date unknown. */
  churnDay: Float64Array;
  /** 1 = churned with no known date (only a churn flag). Ignored where `churnDay` is set. */
  churnedUndated: Uint8Array;
}

/** An input the statistics cannot work with (mismatched lengths, bad options). */
export class BacktestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BacktestError';
  }
}

export function requireLength(name: string, column: ArrayLike<unknown>, n: number): void {
  if (column.length !== n) throw new BacktestError(`${name} has ${column.length} entries, expected ${n}`);
}
