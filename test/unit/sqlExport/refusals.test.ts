// What the export refuses rather than emit SQL that would score differently from the engine: each
// refusal is a SqlExportError whose message names the metric, rule or option concerned.

import { describe, expect, it } from 'vitest';
import { parseScorecard } from '../../../shared/scorecard/validate';
import type { Scorecard } from '../../../shared/scorecard/types';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { type SqlExportOptions, SqlExportError, scorecardToSql } from '../../../shared/sqlExport';

const OPTIONS: SqlExportOptions = { dialect: 'sqlite', table: 'accounts', idColumn: 'id', snapshotDate: '2024-06-30' };

const card = (raw: Record<string, unknown> = {}): Scorecard =>
  parseScorecard({
    schemaVersion: 1,
    name: 'refusals',
    metrics: [
      { id: 'logins', label: 'Logins', source: 'logins', method: { type: 'linear', lo: 0, hi: 10 } },
      { id: 'nps', label: 'NPS', source: 'nps', method: { type: 'linear', lo: -100, hi: 100 } },
    ],
    ...raw,
  });

function refusal(sc: Scorecard, options: Partial<SqlExportOptions> = {}): string {
  for (const dialect of ['sqlite', 'duckdb'] as const) {
    expect(() => scorecardToSql(sc, { ...OPTIONS, dialect, ...options })).toThrow(SqlExportError);
  }
  try {
    scorecardToSql(sc, { ...OPTIONS, ...options });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('not refused');
}

describe('refusals', () => {
  it('a method the export does not know, naming the metric', () => {
    const sc = card();
    const bad = { ...sc, metrics: [sc.metrics[0], { ...sc.metrics[1], method: { type: 'zscore' } }] } as unknown as Scorecard;
    expect(refusal(bad)).toBe('metrics[1] "nps": method "zscore" cannot be exported to SQL');
    const badDays = { ...sc, metrics: [{ ...sc.metrics[0], method: { type: 'daysSince', scoring: { type: 'percentile', scope: 'population' } } }] } as unknown as Scorecard;
    expect(refusal(badDays)).toBe('metrics[0] "logins": days-since scoring "percentile" cannot be exported to SQL');
  });

  it('a rule value the engine cannot compare either (a list mixing text and numbers)', () => {
    const sc = card({ segments: [{ id: 'mixed', label: 'Mixed', when: [{ attribute: 'tier', operator: 'in', value: ['gold', 3] }], weights: {} }] });
    expect(refusal(sc)).toBe('segments[0].when[0].value[0]: "gold" cannot be compared as a number or a date (the engine refuses this rule too)');
    // The engine refuses it whatever the column holds.
    const data = {
      keys: ['a'],
      attributes: [{ field: { name: 'tier', kind: 'text' as const }, values: ['gold'] }],
      metrics: [
        { field: { name: 'logins', kind: 'number' as const }, values: Float64Array.of(1) },
        { field: { name: 'nps', kind: 'number' as const }, values: Float64Array.of(1) },
      ],
      snapshotDay: 19904,
    };
    expect(() => buildSubScoreMatrix(sc, data)).toThrow(/cannot be compared/);
    const adj = card({ adjustments: [{ id: 'x', label: 'X', when: { attribute: 'flag', operator: 'notIn', value: [true, 'maybe'] }, points: 5 }] });
    expect(refusal(adj)).toMatch(/^adjustments\[0\]\.when\.value\[1\]: "maybe" cannot be compared/);
  });

  it('text SQL cannot hold: NUL characters and unpaired surrogates, naming where they are', () => {
    const nul = card({ metrics: [{ id: 'tier', label: 'Tier', source: 'tier', method: { type: 'category', map: { 'gold\u0000': 100 } } }] });
    expect(refusal(nul)).toBe('metrics[0] "tier".method.map: contains a NUL character, which SQL text cannot hold');
    const surrogate = card({ overrides: [{ accountKey: 'acc\ud800', score: 50, reason: 'r', expires: '2030-01-01' }] });
    expect(refusal(surrogate)).toBe('overrides[0].accountKey: contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding');
    const column = card({ metrics: [{ id: 'x', label: 'X', source: 'bad\u0000name', method: { type: 'boolean' } }] });
    expect(refusal(column)).toBe('metrics[0] "x".source: contains a NUL character, which SQL text cannot hold');
    const rule = card({ segments: [{ id: 's', label: 'S', when: [{ attribute: 'tier', operator: 'eq', value: 'a\u0000' }], weights: {} }] });
    expect(refusal(rule)).toBe('segments[0].when[0].value: contains a NUL character, which SQL text cannot hold');
  });

  it('metric ids that differ only in case (SQL column names ignore case)', () => {
    const sc = card({
      metrics: [
        { id: 'NPS', label: 'NPS', source: 'nps', method: { type: 'boolean' } },
        { id: 'nps', label: 'nps', source: 'nps2', method: { type: 'boolean' } },
      ],
    });
    expect(refusal(sc)).toBe('metric "nps": its sub-score column would clash with that of metric "NPS" (SQL names ignore case)');
  });

  it('bad options', () => {
    const sc = card();
    expect(() => scorecardToSql(sc, { ...OPTIONS, dialect: 'postgres' as 'sqlite' })).toThrow('unknown SQL dialect "postgres" (expected sqlite or duckdb)');
    expect(() => scorecardToSql(sc, { ...OPTIONS, snapshotDate: '2024-02-30' })).toThrow('option snapshotDate must be a date written YYYY-MM-DD, got "2024-02-30"');
    expect(() => scorecardToSql(sc, { ...OPTIONS, table: '' })).toThrow('option table must be a non-empty name');
    expect(() => scorecardToSql(sc, { ...OPTIONS, idColumn: 'id\u0000' })).toThrow('option idColumn: contains a NUL character');
  });

  it('exports what it does not refuse', () => {
    for (const dialect of ['sqlite', 'duckdb'] as const) expect(scorecardToSql(card(), { ...OPTIONS, dialect })).toMatch(/^-- Scorecard "refusals" as SQL/);
  });
});
