// The exported SQL against the engine on the public IBM Telco churn sheet (7,043 rows, 11 blank
// TotalCharges), in SQLite and in DuckDB: every account's score within 1e-9, identical bands,
// coverage within 1e-12, identical unscored accounts, override flags and segments. Two scorecards
// between them use every method, every missing-data policy, groups and ungrouped metrics,
// default and explicit linear bounds, both percentile scopes, grades, all condition operators,
// adjustments and both kinds of override; tables hold the cells as text (as in the CSV) or typed.

import { describe, expect, it } from 'vitest';
import type { FieldKind } from '../../../shared/dataset';
import { parseScorecard } from '../../../shared/scorecard/validate';
import type { Scorecard } from '../../../shared/scorecard/types';
import { SNAPSHOT, SPEC, telcoData, telcoRows, telcoScorecard } from '../../reference/telcoScorecard';
import { type Comparison, type Row, checkBoth, dataFromRows, duckTypes, engineRows, typedRows } from './helpers';

const rows = telcoRows();
const presentRows = rows.filter((r) => r.present === '1');
const presentKeys = presentRows.map((r) => r.customerID);
const OPTIONS = { table: 'telco', idColumn: 'customerID' };

const results: Record<string, { sqlite: Comparison; duckdb: Comparison }> = {};

function summary(label: string, r: { sqlite: Comparison; duckdb: Comparison }): void {
  results[label] = r;
  const s = r.sqlite;
  console.log(
    `${label}: ${s.accounts} accounts, ${s.unscored} unscored, ${s.overridden} overridden, bands ${JSON.stringify(s.bands)}; ` +
      `max |Δscore| sqlite ${r.sqlite.maxScoreDiff} duckdb ${r.duckdb.maxScoreDiff}; max |Δcoverage| sqlite ${r.sqlite.maxCoverageDiff} duckdb ${r.duckdb.maxCoverageDiff}`,
  );
}

/** A second scorecard: ungrouped and grouped metrics, zero default policy, the remaining operators. */
function everyMethodScorecard(overrides: unknown[] = []): Scorecard {
  return parseScorecard({
    schemaVersion: 1,
    name: "Telco — every method, 'quoted' \"name\"",
    missingPolicy: 'zero',
    minCoverage: 0.75,
    thresholds: { red: 35, green: 65 },
    grades: [
      { min: 80, grade: 'A' },
      { min: 60, grade: 'B' },
      { min: 30, grade: 'C' },
    ],
    groups: [
      { id: 'money', label: 'Money', weight: 2 },
      { id: 'empty', label: 'No metrics', weight: 5 },
    ],
    metrics: [
      { id: 'tenure_fixed', label: 'Tenure', source: 'tenure', method: { type: 'linear', lo: 0, hi: 72 } },
      { id: 'monthly_pop', label: 'Monthly', source: 'MonthlyCharges', group: 'money', method: { type: 'percentile', scope: 'population' } },
      { id: 'total_lo', label: 'Total (lo fixed)', source: 'TotalCharges', group: 'money', missing: 'redistribute', method: { type: 'linear', lo: 100 } },
      { id: 'total_hi', label: 'Total (hi fixed)', source: 'TotalCharges', group: 'money', weight: 0.5, missing: 'neutral', direction: 'lowerIsBetter', method: { type: 'linear', hi: 6000 } },
      { id: 'login_days', label: 'Login', source: 'last_login', direction: 'lowerIsBetter', missing: 'neutral', method: { type: 'daysSince', scoring: { type: 'linear', lo: 0, hi: 180 } } },
      { id: 'login_default_lo', label: 'Login 2', source: 'last_login', direction: 'lowerIsBetter', weight: 0.7, method: { type: 'daysSince', scoring: { type: 'linear', hi: 150 } } },
      { id: 'senior_cat', label: 'Senior', source: 'SeniorCitizen', weight: 0.3, method: { type: 'category', map: { '0': 90, '1': 30, '1.0': 5, Yes: 1 } } },
      { id: 'streaming', label: 'Streaming', source: 'StreamingTV', method: { type: 'category', map: { Yes: 80, No: 40, "It's \"odd\"": 3 } } },
      { id: 'partner', label: 'Partner', source: 'Partner', missing: 'redistribute', method: { type: 'boolean' } },
      { id: 'lines', label: 'Lines (text, never a number)', source: 'MultipleLines', weight: 0.2, method: { type: 'bands', bands: [{ min: 1, score: 100 }], otherwise: 0 } },
      { id: 'paperless', label: 'Paperless', source: 'PaperlessBilling', weight: 'notApplicable', method: { type: 'boolean' } },
    ],
    segments: [
      {
        id: 'month_not_dsl',
        label: 'Monthly, not DSL',
        when: [
          { attribute: 'Contract', operator: 'eq', value: 'Month-to-month' },
          { attribute: 'InternetService', operator: 'neq', value: 'DSL' },
        ],
        weights: { paperless: 1, streaming: 0 },
        thresholds: { red: 45, green: 60 },
      },
      { id: 'recent_login', label: 'Recent login', when: [{ attribute: 'last_login', operator: 'gte', value: '2024-05-15' }], groupWeights: { money: 'notApplicable' }, thresholds: { green: 70 } },
      { id: 'cheap', label: 'Cheap', when: [{ attribute: 'MonthlyCharges', operator: 'lt', value: 30 }], weights: { tenure_fixed: 3 } },
      {
        id: 'auto_pay_young',
        label: 'Automatic payment, not senior',
        when: [
          { attribute: 'PaymentMethod', operator: 'notIn', value: ['Electronic check', 'Mailed check'] },
          { attribute: 'SeniorCitizen', operator: 'eq', value: 0 },
        ],
        weights: { monthly_pop: 2 },
      },
      {
        id: 'alone',
        label: 'No partner, no dependents',
        when: [
          { attribute: 'Partner', operator: 'isFalse' },
          { attribute: 'Dependents', operator: 'eq', value: false },
        ],
        weights: {},
      },
      { id: 'early_tenure', label: 'Tenure 1, 2, 3, 12, 24', when: [{ attribute: 'tenure', operator: 'in', value: [1, 2, 3, 12, 24] }], weights: {} },
      { id: 'senior_text', label: 'Senior ("1")', when: [{ attribute: 'SeniorCitizen', operator: 'eq', value: '1' }], weights: {} },
      { id: 'low_total', label: 'Total ≤ 500', when: [{ attribute: 'TotalCharges', operator: 'lte', value: 500 }, { attribute: 'tenure', operator: 'gt', value: 2 }], weights: {} },
    ],
    defaultSegment: { id: 'rest', label: 'Rest', weights: {}, groupWeights: { money: 3 } },
    adjustments: [
      { id: 'paperless', label: 'Paperless', when: { attribute: 'PaperlessBilling', operator: 'eq', value: true }, points: -7.5 },
      { id: 'long', label: 'Long', when: { attribute: 'tenure', operator: 'gt', value: 60 }, points: 12 },
      { id: 'tiny_total', label: 'Tiny total', when: { attribute: 'TotalCharges', operator: 'lt', value: 50 }, points: 100 },
      { id: 'not_fiber', label: 'Not fiber', when: { attribute: 'InternetService', operator: 'notIn', value: ['Fiber optic'] }, points: 0.1 },
      { id: 'senior', label: 'Senior', when: { attribute: 'SeniorCitizen', operator: 'isTrue' }, points: -0.3 },
    ],
    overrides,
  });
}

/** A third: neutral by default, groups only, segment percentiles. */
function neutralScorecard(): Scorecard {
  return parseScorecard({
    schemaVersion: 1,
    name: 'Telco — neutral',
    missingPolicy: 'neutral',
    minCoverage: 0.6,
    groups: [
      { id: 'a', label: 'A', weight: 1.5 },
      { id: 'b', label: 'B', weight: 0.25 },
    ],
    metrics: [
      { id: 'total_pct', label: 'Total pct', source: 'TotalCharges', group: 'a', method: { type: 'percentile', scope: 'segment' } },
      { id: 'health', label: 'Health', source: 'health', group: 'a', weight: 2, method: { type: 'category', map: { Green: 100, Yellow: 50, Red: 0 } } },
      { id: 'login', label: 'Login', source: 'last_login', group: 'b', direction: 'lowerIsBetter', method: { type: 'daysSince', scoring: { type: 'bands', bands: [{ min: 120, score: 100 }, { min: 60, score: 70 }, { min: 0, score: 20 }], otherwise: 50 } } },
      { id: 'tech', label: 'Tech', source: 'TechSupport', group: 'b', missing: 'zero', method: { type: 'category', map: { Yes: 100, No: 0 } } },
    ],
    segments: [{ id: 'dsl', label: 'DSL', when: [{ attribute: 'InternetService', operator: 'in', value: ['DSL'] }], weights: { health: 0.5 }, groupWeights: { b: 1 } }],
    defaultSegment: { id: 'other', label: 'Other', weights: {}, groupWeights: {} },
  });
}

const ALL_KINDS: Record<string, FieldKind> = { ...SPEC.kinds, Partner: 'boolean', PaperlessBilling: 'boolean' };
const textRows = presentRows.map(({ present: _present, ...r }) => r);

describe('exported SQL vs the engine on the Telco sheet', () => {
  it('uses the real sheet: 7,043 rows, 11 blank TotalCharges', () => {
    expect(rows).toHaveLength(7043);
    expect(rows.filter((r) => r.TotalCharges === ' ')).toHaveLength(11);
    expect(presentRows.length).toBeGreaterThan(6900);
  });

  it('telcoScorecard, cells as text, snapshot date fixed at export', { timeout: 120_000 }, async () => {
    // The engine scores all 7,043 rows with absent accounts masked out; the table holds the present ones.
    const sc = telcoScorecard(presentKeys.slice(0, 3));
    const data = telcoData(rows);
    const r = await checkBoth(sc, data, textRows as Row[], { ...OPTIONS, snapshotDate: SNAPSHOT });
    summary('telco/text', r);
    expect(r.sqlite.overridden).toBe(2); // the third override has expired
    expect(Object.keys(r.sqlite.segments)).toHaveLength(4);
  });

  it('telcoScorecard, typed cells (REAL, 0/1 or BOOLEAN, DATE), snapshot date from a column', { timeout: 120_000 }, async () => {
    const sc = telcoScorecard(presentKeys.slice(5, 8));
    const data = telcoData(rows);
    const typed = typedRows(textRows, SPEC.kinds).map((r) => ({ ...r, snapshot_date: SNAPSHOT }));
    const r = await checkBoth(sc, data, typed, OPTIONS, { duckdb: duckTypes(SPEC.kinds, { snapshot_date: 'DATE' }) });
    summary('telco/typed', r);
  });

  it('every method and operator, cells as text and typed', { timeout: 180_000 }, async () => {
    // Overrides: a score override, a band override on an account that is unscored, one expired.
    const plain = everyMethodScorecard();
    const before = engineRows(plain, dataFromRows(textRows, 'customerID', {}, SNAPSHOT));
    const unscored = before.find((e) => Number.isNaN(e.score))!.key;
    const scored = before.find((e) => !Number.isNaN(e.score) && e.key !== unscored)!.key;
    const sc = everyMethodScorecard([
      { accountKey: scored, score: 40, reason: 'at the threshold', expires: SNAPSHOT },
      { accountKey: unscored, band: 'green', reason: 'known good', expires: '2024-12-31' },
      { accountKey: presentKeys[9], score: 99, reason: 'expired the day before', expires: '2024-06-29' },
      { accountKey: "nobody's key", score: 1, reason: 'not in the data', expires: '2030-01-01' },
    ]);

    const asText = await checkBoth(sc, dataFromRows(textRows, 'customerID', {}, SNAPSHOT), textRows as Row[], { ...OPTIONS, snapshotDate: SNAPSHOT });
    summary('every-method/text', asText);
    expect(asText.sqlite.overridden).toBe(2);
    expect(asText.sqlite.unscored).toBeGreaterThan(0);
    expect(Object.keys(asText.sqlite.segments).length).toBeGreaterThanOrEqual(8);

    const typed = typedRows(textRows, ALL_KINDS).map((r) => ({ ...r, snapshot_date: SNAPSHOT }));
    const asTyped = await checkBoth(sc, dataFromRows(textRows, 'customerID', ALL_KINDS, SNAPSHOT), typed, OPTIONS, { duckdb: duckTypes(ALL_KINDS, { snapshot_date: 'DATE' }) });
    summary('every-method/typed', asTyped);
  });

  it('neutral policy with groups and segment percentiles', { timeout: 120_000 }, async () => {
    const sc = neutralScorecard();
    const r = await checkBoth(sc, dataFromRows(textRows, 'customerID', {}, SNAPSHOT), textRows as Row[], { ...OPTIONS, snapshotDate: SNAPSHOT });
    summary('neutral/text', r);
  });

  it('reports the largest differences seen', () => {
    const all = Object.values(results);
    expect(all.length).toBe(5);
    const worst = (db: 'sqlite' | 'duckdb', key: 'maxScoreDiff' | 'maxCoverageDiff') => Math.max(...all.map((r) => r[db][key]));
    console.log(
      `max |Δscore|: sqlite ${worst('sqlite', 'maxScoreDiff')}, duckdb ${worst('duckdb', 'maxScoreDiff')}; ` +
        `max |Δcoverage|: sqlite ${worst('sqlite', 'maxCoverageDiff')}, duckdb ${worst('duckdb', 'maxCoverageDiff')}`,
    );
    expect(worst('sqlite', 'maxScoreDiff')).toBeLessThanOrEqual(1e-9);
    expect(worst('duckdb', 'maxScoreDiff')).toBeLessThanOrEqual(1e-9);
  });
});
