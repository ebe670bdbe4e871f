// The zod schema of the scorecard JSON file (schemaVersion 1). It checks shapes and ranges field by
// field and fills in defaults; checks that span fields (references, ordering) live in crossChecks.ts.

import { z } from 'zod';
import { isIsoDate } from '../dates';
import {
  CONDITION_OPERATORS,
  DEFAULT_MIN_COVERAGE,
  DEFAULT_MISSING_POLICY,
  DEFAULT_SEGMENT_ID,
  DEFAULT_THRESHOLDS,
  SCORECARD_SCHEMA_VERSION,
  type Scorecard,
  type Weight,
} from './types';

/** Ids become keys in weight maps, file diffs and SQL; keep them plain. */
const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

const id = z.string().regex(ID_PATTERN, 'must be 1–100 letters, digits, "_", "." or "-", not starting with "." or "-"');
const label = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const columnName = z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
const finite = z.number();
const score0to100 = z.number().min(0, 'must be ≥ 0').max(100, 'must be ≤ 100');
const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

/** A union would report "invalid input" for -1; this names the actual problem. */
const weight = z.custom<Weight>().superRefine((v, ctx) => {
  if (v === 'notApplicable') return;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    ctx.addIssue({ code: 'custom', message: 'must be a number ≥ 0 or "notApplicable"' });
  } else if (v < 0) {
    ctx.addIssue({ code: 'custom', message: 'must be ≥ 0' });
  }
});

const band = z.strictObject({ min: finite, score: score0to100 });

const linear = z.strictObject({ type: z.literal('linear'), lo: finite.optional(), hi: finite.optional() });
const bands = z.strictObject({
  type: z.literal('bands'),
  bands: z.array(band).min(1, 'must list at least one band'),
  otherwise: score0to100,
});

const method = z.discriminatedUnion('type', [
  linear,
  bands,
  z.strictObject({ type: z.literal('percentile'), scope: z.enum(['segment', 'population']).default('population') }),
  z.strictObject({ type: z.literal('boolean') }),
  z.strictObject({
    type: z.literal('category'),
    map: z.record(z.string(), score0to100).refine((m) => Object.keys(m).length > 0, 'must map at least one value'),
  }),
  z.strictObject({ type: z.literal('daysSince'), scoring: z.discriminatedUnion('type', [linear, bands]) }),
]);

const missingPolicy = z.enum(['redistribute', 'zero', 'neutral']);

const metric = z.strictObject({
  id,
  label,
  source: columnName,
  method,
  direction: z.enum(['higherIsBetter', 'lowerIsBetter']).default('higherIsBetter'),
  group: id.optional(),
  weight: weight.default(1),
  missing: missingPolicy.optional(),
});

const group = z.strictObject({ id, label, weight: weight.default(1) });

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const condition = z.strictObject({
  attribute: columnName,
  operator: z.enum(CONDITION_OPERATORS),
  value: z.union([scalar, z.array(scalar)]).optional(),
});

const thresholdValue = z.number().min(0, 'must be ≥ 0').max(100, 'must be ≤ 100');
const thresholds = z.strictObject({ red: thresholdValue, green: thresholdValue });
const partialThresholds = z.strictObject({ red: thresholdValue.optional(), green: thresholdValue.optional() });

const segmentWeights = {
  weights: z.record(z.string(), weight).default({}),
  groupWeights: z.record(z.string(), weight).default({}),
  thresholds: partialThresholds.optional(),
};

const segment = z.strictObject({
  id,
  label,
  when: z.array(condition).min(1, 'must list at least one condition'),
  ...segmentWeights,
});

const defaultSegment = z.strictObject({ id: id.default(DEFAULT_SEGMENT_ID), label: label.default('All other accounts'), ...segmentWeights });

const adjustment = z.strictObject({ id, label, when: condition, points: z.number().min(-100, 'must be ≥ -100').max(100, 'must be ≤ 100') });

const override = z.strictObject({
  accountKey: z.string().min(1, 'must not be empty'),
  score: score0to100.optional(),
  band: z.enum(['red', 'yellow', 'green']).optional(),
  reason: z.string().trim().min(1, 'must give a reason'),
  expires: isoDate,
});

const grade = z.strictObject({ min: score0to100, grade: z.string().trim().min(1, 'must not be empty').max(20) });

export const scorecardSchema = z.strictObject({
  schemaVersion: z.literal(SCORECARD_SCHEMA_VERSION, { error: `must be ${SCORECARD_SCHEMA_VERSION} (this app reads scorecard files of schema version ${SCORECARD_SCHEMA_VERSION})` }),
  name: label,
  description: z.string().max(5000).optional(),
  missingPolicy: missingPolicy.default(DEFAULT_MISSING_POLICY),
  minCoverage: z.number().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1 (a fraction, not a percentage)').default(DEFAULT_MIN_COVERAGE),
  thresholds: thresholds.default({ ...DEFAULT_THRESHOLDS }),
  grades: z.array(grade).optional(),
  groups: z.array(group).default([]),
  metrics: z.array(metric).min(1, 'must list at least one metric'),
  segments: z.array(segment).default([]),
  defaultSegment: defaultSegment.default({ id: DEFAULT_SEGMENT_ID, label: 'All other accounts', weights: {}, groupWeights: {} }),
  adjustments: z.array(adjustment).default([]),
  overrides: z.array(override).default([]),
});

// Fails to compile when the schema's output drifts from the hand-written model in types.ts.
type SchemaOutput = z.output<typeof scorecardSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const SCHEMA_MATCHES_MODEL: Same<SchemaOutput, Scorecard> = true;
