// Focused cases of the SQL export, each run in SQLite and DuckDB and compared with the engine
// (runSmall) and with values worked out by hand: odd identifiers and literals, ordered segment
// rules, each missing-data policy, thresholds and minimum coverage exactly at the boundary,
// overrides.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseScorecard } from '../../../shared/scorecard/validate';
import { scorecardToSql } from '../../../shared/sqlExport';
import { runSmall } from './helpers';

const card = (raw: Record<string, unknown>) => parseScorecard({ schemaVersion: 1, name: 'focused', ...raw });
const lin = (id: string, source = id, extra: Record<string, unknown> = {}) => ({ id, label: id, source, method: { type: 'linear', lo: 0, hi: 100 }, ...extra });

describe('identifiers and literals', () => {
  const odd = {
    id: 'Account "ID"',
    total: 'Total "Charges" (USD)',
    quote: "it's",
    keyword: 'select',
    comment: 'a;b -- c /* d',
    unicode: 'Ünïcödé 名前 🚀',
    spaced: '  spaced  ',
    tier: 'plan tier',
  };
  const sc = card({
    name: 'Quoting\n-- DROP TABLE x; "\'',
    metrics: [
      lin('total', odd.total),
      { ...lin('quote', odd.quote), method: { type: 'category', map: { "O'Brien \"VIP\"": 100, 'plain': 10, "'; DROP TABLE t; --": 55 } } },
      lin('kw', odd.keyword, { label: 'label with\nnewline */ and -- dashes' }),
      lin('comment', odd.comment),
      lin('unicode', odd.unicode),
      lin('spaced', odd.spaced),
    ],
    segments: [{ id: 'vip', label: "VIP's", when: [{ attribute: odd.tier, operator: 'in', value: ["O'Hara \"gold\"", 'x"y'] }], weights: {} }],
    defaultSegment: { id: 'other', label: 'Other', weights: {}, groupWeights: {} },
    overrides: [{ accountKey: "acc'2\"", score: 77, reason: 'quoted key', expires: '2030-01-01' }],
  });
  const columns = {
    [odd.id]: ['acc1', "acc'2\"", 'acc 3', 'acc4'],
    [odd.total]: [10, 20, null, 40],
    [odd.quote]: ["O'Brien \"VIP\"", 'plain', "'; DROP TABLE t; --", 'other'],
    [odd.keyword]: [1, 2, 3, 4],
    [odd.comment]: ['5', ' 6 ', 'N/A', '8'],
    [odd.unicode]: [9, 10, 11, 12],
    [odd.spaced]: [13, 14, 15, 16],
    [odd.tier]: ["O'Hara \"gold\"", 'x"y', ' x"y ', 'bronze'],
  };

  it('reads columns and a table whose names need quoting, and matches the engine', async () => {
    const r = await runSmall({ sc, columns, idColumn: odd.id, table: 'my "odd" table; --' });
    const row = (key: string) => r.sqlite.get(key)!;
    expect(r.engine.map((e) => e.segment)).toEqual(['vip', 'vip', 'vip', 'other']);
    expect([row('acc1').sub_quote, row("acc'2\"").sub_quote, row('acc 3').sub_quote, row('acc4').sub_quote]).toEqual([100, 10, 55, null]);
    expect(row("acc'2\"")).toMatchObject({ score: 77, overridden: 1 });
    expect(r.duckdb.get("acc'2\"")).toMatchObject({ score: 77, overridden: 1 });
    expect(row('acc 3').sub_comment).toBeNull();
  });

  it('a schema-qualified table', async () => {
    const r = await runSmall({ sc: card({ metrics: [lin('x')] }), columns: { id: ['a', 'b'], x: [10, 20] }, options: { schema: 'main' } });
    expect(r.sql.sqlite).toContain('FROM "main"."accounts" AS src');
    expect(r.engine.map((e) => e.score)).toEqual([10, 20]);
  });

  it('never lets user text out of its quotes', () => {
    for (const dialect of ['sqlite', 'duckdb'] as const) {
      const sql = scorecardToSql(sc, { dialect, table: 'my "odd" table; --', idColumn: odd.id, snapshotDate: '2024-06-30' });
      // Every quote in user text is doubled inside its literal or identifier.
      expect(sql).toContain(`'O''Brien "VIP"'`);
      expect(sql).toContain(`"Total ""Charges"" (USD)"`);
      expect(sql).toContain(`'''; DROP TABLE t; --'`);
      expect(sql).toContain(`FROM "my ""odd"" table; --" AS src`);
      // Labels and names end up in one-line comments only.
      for (const line of sql.split('\n')) {
        if (line.includes('DROP TABLE x')) expect(line.trimStart().startsWith('--')).toBe(true);
        if (line.includes('newline')) expect(line).toMatch(/^\s*--/);
      }
      expect(sql).not.toMatch(/\n\s*-- DROP TABLE x/);
    }
    // better-sqlite3 refuses a string holding more than one statement: the export is exactly one.
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE "my ""odd"" table; --" (${Object.keys(columns).map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')})`);
    expect(() => db.prepare(scorecardToSql(sc, { dialect: 'sqlite', table: 'my "odd" table; --', idColumn: odd.id, snapshotDate: '2024-06-30' }))).not.toThrow();
    db.close();
  });
});

describe('segment rules', () => {
  // Rules in order; the first that matches wins; a missing cell matches no operator.
  const sc = card({
    metrics: [lin('x')],
    segments: [
      { id: 'big_enterprise', label: 'Big enterprise', when: [{ attribute: 'tier', operator: 'eq', value: 'Enterprise' }, { attribute: 'arr', operator: 'gte', value: 50000 }], weights: {} },
      { id: 'enterprise', label: 'Enterprise', when: [{ attribute: 'tier', operator: 'eq', value: 'Enterprise' }], weights: {} },
      { id: 'not_smb', label: 'Not SMB', when: [{ attribute: 'tier', operator: 'neq', value: 'SMB' }], weights: {} },
      { id: 'csm', label: 'With a CSM', when: [{ attribute: 'csm', operator: 'isTrue' }], weights: {} },
      { id: 'signed_2024', label: 'Signed in 2024', when: [{ attribute: 'signed', operator: 'gte', value: '2024-01-01' }, { attribute: 'signed', operator: 'lt', value: '2025-01-01' }], weights: {} },
      { id: 'region', label: 'Region', when: [{ attribute: 'region', operator: 'notIn', value: ['EU', 'US'] }], weights: {} },
    ],
    defaultSegment: { id: 'default', label: 'Rest', weights: {}, groupWeights: {} },
  });
  const columns = {
    id: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
    x: [50, 50, 50, 50, 50, 50, 50, 50, 50, 50],
    tier: ['Enterprise', ' Enterprise ', 'Mid', 'SMB', 'N/A', 'SMB', 'SMB', 'SMB', '', 'SMB'],
    arr: ['60000', '49999.99', '70000', '1', '1', '', '1', '1', '1', '1'],
    csm: ['yes', 'no', 'yes', 'Y', 'yes', 'no', 'No', 'maybe', 'no', 'no'],
    signed: ['2024-05-01', '', '', '', '', '2024-12-31', '2025-01-01', '2024-02-30', 'N/A', ''],
    region: ['EU', 'EU', 'EU', 'EU', 'EU', 'EU', 'APAC', 'US', '', 'N/A'],
  };

  it('assigns the first matching rule, missing cells falling through to the default', async () => {
    const r = await runSmall({ sc, columns });
    expect(r.engine.map((e) => e.segment)).toEqual(['big_enterprise', 'enterprise', 'not_smb', 'csm', 'csm', 'signed_2024', 'region', 'default', 'default', 'default']);
    expect([...r.sqlite.values()].map((row) => row.segment).sort()).toEqual(r.engine.map((e) => e.segment).sort());
  });

  it('number-typed cells: numeric comparison, isTrue for any non-zero number', async () => {
    const sc2 = card({
      metrics: [lin('x')],
      segments: [
        { id: 'flag', label: 'Flag', when: [{ attribute: 'flag', operator: 'isTrue' }], weights: {} },
        { id: 'tier_one', label: 'Tier "1"', when: [{ attribute: 'tier', operator: 'eq', value: '1' }], weights: {} },
        { id: 'tiers', label: 'Tiers', when: [{ attribute: 'tier', operator: 'in', value: [2, 3.5] }], weights: {} },
        { id: 'flag_off', label: 'Flag off', when: [{ attribute: 'flag', operator: 'eq', value: false }], weights: {} },
      ],
      defaultSegment: { id: 'rest', label: 'Rest', weights: {}, groupWeights: {} },
    });
    const r = await runSmall({
      sc: sc2,
      columns: { id: ['a', 'b', 'c', 'd', 'e', 'f'], x: [1, 2, 3, 4, 5, 6], flag: [2, 0, 0, 0, null, 0.5], tier: [9, 1, 3.5, 7, 1, 2] },
    });
    expect(r.engine.map((e) => e.segment)).toEqual(['flag', 'tier_one', 'tiers', 'flag_off', 'tier_one', 'flag']);
  });
});

describe('missing-data policies', () => {
  // Group g (weight 3): m1 (w 1), m2 (w 3); ungrouped m3 (weight 1). Account b misses m2, c misses
  // m2 and m3, d misses everything.
  const columns = {
    id: ['a', 'b', 'c', 'd'],
    m1: [80, 40, 20, null],
    m2: [60, null, null, null],
    m3: [10, 90, null, null],
  };
  const scorecardWith = (policy: string, extra: Record<string, unknown> = {}) =>
    card({
      missingPolicy: policy,
      minCoverage: 0,
      groups: [{ id: 'g', label: 'G', weight: 3 }],
      metrics: [lin('m1', 'm1', { group: 'g' }), lin('m2', 'm2', { group: 'g', weight: 3 }), lin('m3')],
      ...extra,
    });

  it('redistribute: missing weight shared within the group first, then across groups', async () => {
    const r = await runSmall({ sc: scorecardWith('redistribute'), columns });
    const score = (k: string) => r.sqlite.get(k)!.score as number;
    expect(score('a')).toBeCloseTo((3 * ((80 + 3 * 60) / 4) + 10) / 4, 12);
    expect(score('b')).toBeCloseTo((3 * 40 + 90) / 4, 12);
    expect(score('c')).toBeCloseTo(20, 12);
    expect(r.sqlite.get('d')).toMatchObject({ score: null, band: 'unscored', coverage: 0 });
    expect(r.sqlite.get('b')!.coverage).toBeCloseTo(0.75 * 0.25 + 0.25, 15);
  });

  it('zero: a missing metric counts as 0 (coverage still counts present weight only)', async () => {
    const r = await runSmall({ sc: scorecardWith('zero'), columns });
    const score = (k: string) => r.duckdb.get(k)!.score as number;
    expect(score('b')).toBeCloseTo((3 * (40 / 4) + 90) / 4, 12);
    expect(score('c')).toBeCloseTo((3 * (20 / 4) + 0) / 4, 12);
    expect(score('d')).toBe(0);
    expect(r.duckdb.get('c')!.coverage).toBeCloseTo(0.75 * 0.25, 15);
  });

  it('neutral: a missing metric counts as 50', async () => {
    const r = await runSmall({ sc: scorecardWith('neutral'), columns });
    const score = (k: string) => r.sqlite.get(k)!.score as number;
    expect(score('b')).toBeCloseTo((3 * ((40 + 3 * 50) / 4) + 90) / 4, 12);
    expect(score('d')).toBe(50);
    expect(r.sqlite.get('d')!.coverage).toBe(0);
  });

  it('per-metric policies mix', async () => {
    const sc = card({
      missingPolicy: 'redistribute',
      minCoverage: 0,
      groups: [{ id: 'g', label: 'G', weight: 3 }],
      metrics: [lin('m1', 'm1', { group: 'g' }), lin('m2', 'm2', { group: 'g', weight: 3, missing: 'zero' }), lin('m3', 'm3', { missing: 'neutral' })],
    });
    const r = await runSmall({ sc, columns });
    expect(r.sqlite.get('c')!.score).toBeCloseTo((3 * (20 / 4) + 50) / 4, 12);
    expect(r.sqlite.get('d')!.score).toBeCloseTo((3 * 0 + 50) / 4, 12);
  });
});

describe('boundaries', () => {
  it('thresholds: a score at a threshold takes the upper band, with the 1e-9 tolerance', async () => {
    const sc = card({
      thresholds: { red: 40, green: 70 },
      grades: [
        { min: 70, grade: 'A' },
        { min: 40, grade: 'B' },
      ],
      metrics: [lin('x')],
      segments: [{ id: 'strict', label: 'Strict', when: [{ attribute: 'seg', operator: 'eq', value: 'strict' }], weights: {}, thresholds: { red: 45.5 } }],
    });
    const xs = ['40', '70', '39.99999999999999', '39.9999999', '69.9999999999', '0', '100', '45.5', '45.4999999999', '45.49', '40'];
    const seg = ['', '', '', '', '', '', '', 'strict', 'strict', 'strict', 'strict'];
    const r = await runSmall({ sc, columns: { id: xs.map((_, i) => `a${i}`), x: xs, seg } });
    const bands = r.engine.map((e) => e.band);
    expect(bands).toEqual(['yellow', 'green', 'yellow', 'red', 'green', 'red', 'green', 'yellow', 'yellow', 'red', 'red']);
    for (const db of [r.sqlite, r.duckdb]) {
      expect(r.engine.map((e) => db.get(e.key)!.band)).toEqual(bands);
      expect(r.engine.map((e) => db.get(e.key)!.grade)).toEqual(['B', 'A', 'B', null, 'A', null, 'A', 'B', 'B', 'B', 'B']);
    }
  });

  it('thresholds reached through floating-point sums (0.1 + 0.2 weights)', async () => {
    // Weighted means that are 40 / 70 on paper but off by an ulp after summation.
    const sc = card({ thresholds: { red: 40, green: 70 }, metrics: [lin('a', 'a', { weight: 0.1 }), lin('b', 'b', { weight: 0.2 }), lin('c', 'c', { weight: 0.7 })] });
    const r = await runSmall({ sc, columns: { id: ['p', 'q', 'r'], a: [40, 70, 10], b: [40, 70, 25], c: [40, 70, 50] } });
    expect(r.engine.map((e) => e.band)).toEqual(['yellow', 'green', 'yellow']);
    expect(Math.abs(r.engine[0].score - 40)).toBeLessThan(1e-12);
  });

  it('minimum coverage exactly met is scored; just below is unscored', async () => {
    const sc = card({ minCoverage: 0.3, metrics: [lin('a', 'a', { weight: 0.1 }), lin('b', 'b', { weight: 0.2 }), lin('c', 'c', { weight: 0.7 })] });
    const r = await runSmall({ sc, columns: { id: ['ab', 'a', 'b', 'none'], a: [50, 50, null, null], b: [60, null, 60, null], c: [null, null, null, null] } });
    expect(r.engine.map((e) => e.band)).toEqual(['yellow', 'unscored', 'unscored', 'unscored']);
    expect(r.sqlite.get('ab')!.coverage).toBeCloseTo(0.3, 15);
    // 0.2 + 0.7 = 0.8999999999999999 < 0.9: met only thanks to the 1e-9 tolerance.
    const tight = card({ minCoverage: 0.9, metrics: [lin('a', 'a', { weight: 0.1 }), lin('b', 'b', { weight: 0.2 }), lin('c', 'c', { weight: 0.7 })] });
    const t = await runSmall({ sc: tight, columns: { id: ['bc', 'ac'], a: [null, 50], b: [60, null], c: [70, 70] } });
    expect(t.engine.map((e) => e.band)).toEqual(['yellow', 'unscored']);
    expect(t.sqlite.get('bc')!.coverage).toBeLessThan(0.9);
  });

  it('adjustments then clamp to [0, 100]', async () => {
    const sc = card({
      metrics: [lin('x')],
      adjustments: [
        { id: 'bonus', label: 'Bonus', when: { attribute: 'flag', operator: 'isTrue' }, points: 30 },
        { id: 'penalty', label: 'Penalty', when: { attribute: 'late', operator: 'eq', value: 'yes' }, points: -100 },
      ],
    });
    const r = await runSmall({ sc, columns: { id: ['a', 'b', 'c', 'd'], x: [90, 10, 50, null], flag: ['true', 'false', 'true', 'true'], late: ['no', 'yes', 'yes', 'no'] } });
    expect(r.engine.map((e) => e.score)).toEqual([100, 0, 0, Number.NaN]);
  });
});

describe('overrides', () => {
  const sc = card({
    metrics: [lin('x')],
    segments: [{ id: 'strict', label: 'Strict', when: [{ attribute: 'seg', operator: 'eq', value: 's' }], weights: {}, thresholds: { red: 60, green: 90 } }],
    overrides: [
      { accountKey: 'score50', score: 50, reason: 'r', expires: '2024-06-30' },
      { accountKey: 'bandRed', band: 'red', reason: 'r', expires: '2024-07-01' },
      { accountKey: 'expired', score: 1, reason: 'r', expires: '2024-06-29' },
      { accountKey: 'unscored', band: 'green', reason: 'r', expires: '2024-06-30' },
    ],
  });
  const columns = { id: ['score50', 'bandRed', 'expired', 'unscored', 'plain'], x: [95, 95, 95, null, 95], seg: ['s', '', '', '', ''] };

  it('score and band overrides, expiry inclusive, with the date fixed or read from a column', async () => {
    const fixed = await runSmall({ sc, columns });
    const fromColumn = await runSmall({ sc, columns: { ...columns, snap: Array(5).fill('2024-06-30') }, options: { snapshotDate: undefined, snapshotColumn: 'snap' } });
    for (const r of [fixed, fromColumn]) {
      for (const db of [r.sqlite, r.duckdb]) {
        expect(db.get('score50')).toMatchObject({ score: 50, band: 'red', overridden: 1 }); // red below 60 in "strict"
        expect(db.get('bandRed')).toMatchObject({ score: 95, band: 'red', overridden: 1 });
        expect(db.get('expired')).toMatchObject({ score: 95, band: 'green', overridden: 0 });
        expect(db.get('unscored')).toMatchObject({ score: null, band: 'green', overridden: 1 });
      }
    }
    // A day later, the first and last have expired.
    const later = await runSmall({ sc, columns, snapshotDate: '2024-07-01' });
    expect(later.sqlite.get('score50')).toMatchObject({ score: 95, overridden: 0 });
    expect(later.duckdb.get('bandRed')).toMatchObject({ band: 'red', overridden: 1 });
    expect(later.duckdb.get('unscored')).toMatchObject({ band: 'unscored', overridden: 0 });
  });
});
