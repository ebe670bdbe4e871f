// The scorecard model: what a user designs and what the scoring engine evaluates. These are the
// normalised shapes (defaults filled in) that `parseScorecard` returns; the JSON file format in
// docs/scorecard-format.md is the same shape with the defaulted fields optional.

export const SCORECARD_SCHEMA_VERSION = 1;

export type Direction = 'higherIsBetter' | 'lowerIsBetter';
export type MissingPolicy = 'redistribute' | 'zero' | 'neutral';
export type PercentileScope = 'segment' | 'population';

/** A metric or group weight; 0 and "notApplicable" both exclude it from the segment. */
export type Weight = number | 'notApplicable';

/** One band of a bands method: x ≥ min scores `score`. Bands are tried in order. */
export interface Band {
  min: number;
  score: number;
}

export interface LinearMethod {
  type: 'linear';
  /** Default: the 5th percentile of the snapshot's non-missing values. */
  lo?: number;
  /** Default: the 95th percentile of the snapshot's non-missing values. */
  hi?: number;
}

export interface BandsMethod {
  type: 'bands';
  /** Ordered by strictly decreasing `min`; the first band with x ≥ min wins. */
  bands: Band[];
  /** Score when no band matches. */
  otherwise: number;
}

export interface PercentileMethod {
  type: 'percentile';
  scope: PercentileScope;
}

export interface BooleanMethod {
  type: 'boolean';
}

export interface CategoryMethod {
  type: 'category';
  /** Text value → score. Values not in the map are missing. */
  map: Record<string, number>;
}

export interface DaysSinceMethod {
  type: 'daysSince';
  /** How the day count d = snapshot date − value is scored. */
  scoring: LinearMethod | BandsMethod;
}

export type MetricMethod = LinearMethod | BandsMethod | PercentileMethod | BooleanMethod | CategoryMethod | DaysSinceMethod;
export type MethodType = MetricMethod['type'];

export interface MetricDef {
  id: string;
  label: string;
  /** Column name in the snapshot metrics (or, failing that, the account attributes). */
  source: string;
  method: MetricMethod;
  direction: Direction;
  /** Group id; absent = the metric is a group of one. */
  group?: string;
  /** Weight within its group (or, ungrouped, among the groups) unless a segment overrides it. */
  weight: Weight;
  /** Overrides the scorecard's missing-data policy for this metric. */
  missing?: MissingPolicy;
}

export interface GroupDef {
  id: string;
  label: string;
  /** Group weight unless a segment overrides it. */
  weight: Weight;
}

export const CONDITION_OPERATORS = ['eq', 'neq', 'in', 'notIn', 'gte', 'gt', 'lte', 'lt', 'isTrue', 'isFalse'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
export type ConditionScalar = string | number | boolean;

/** A test of one column of one account. A missing cell never matches, whatever the operator. */
export interface Condition {
  attribute: string;
  operator: ConditionOperator;
  /** A scalar for eq/neq/gte/gt/lte/lt, a list for in/notIn, absent for isTrue/isFalse. */
  value?: ConditionScalar | ConditionScalar[];
}

export interface Thresholds {
  /** Scores below this are red. */
  red: number;
  /** Scores below this (and not red) are yellow; the rest green. */
  green: number;
}

export interface SegmentWeights {
  /** Metric id → weight, overriding the metric's own weight. */
  weights: Record<string, Weight>;
  /** Group id → weight, overriding the group's own weight. */
  groupWeights: Record<string, Weight>;
  thresholds?: Partial<Thresholds>;
}

export interface SegmentDef extends SegmentWeights {
  id: string;
  label: string;
  /** All conditions must match (AND). Segments are tried in order; the first match wins. */
  when: Condition[];
}

export interface DefaultSegmentDef extends SegmentWeights {
  id: string;
  label: string;
}

export interface Grade {
  min: number;
  grade: string;
}

export interface Adjustment {
  id: string;
  label: string;
  when: Condition;
  /** Added to the weighted score (negative for penalties) before clamping to [0, 100]. */
  points: number;
}

export type BandName = 'red' | 'yellow' | 'green';

export interface ManualOverride {
  accountKey: string;
  /** Exactly one of score and band is set. */
  score?: number;
  band?: BandName;
  reason: string;
  /** `YYYY-MM-DD`; the override applies to snapshots dated on or before it. */
  expires: string;
}

export interface Scorecard {
  schemaVersion: typeof SCORECARD_SCHEMA_VERSION;
  name: string;
  description?: string;
  missingPolicy: MissingPolicy;
  /** Fraction of effective weight that must be present, in [0, 1]. */
  minCoverage: number;
  thresholds: Thresholds;
  /** Ordered by strictly decreasing `min`; the first grade with score ≥ min applies. */
  grades?: Grade[];
  groups: GroupDef[];
  metrics: MetricDef[];
  segments: SegmentDef[];
  defaultSegment: DefaultSegmentDef;
  adjustments: Adjustment[];
  overrides: ManualOverride[];
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { red: 40, green: 70 };
export const DEFAULT_MIN_COVERAGE = 0.5;
export const DEFAULT_MISSING_POLICY: MissingPolicy = 'redistribute';
export const DEFAULT_SEGMENT_ID = 'default';

/**
 * Comparisons against thresholds and the minimum coverage forgive this much, so that a score that
 * is 40 on paper but 39.999999999999993 after floating-point summation is still "at" 40.
 */
export const COMPARISON_TOLERANCE = 1e-9;
