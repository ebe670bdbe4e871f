import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../shared/dates';
import { WorkspaceStore } from '../../electron/store/workspaceStore';
import { useTempDirs } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/healthscore.mjs');
const tempDir = useTempDirs();

function healthscore(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function demo(): { dir: string; ws: string } {
  const dir = tempDir();
  const ws = path.join(dir, 'demo.hsw');
  expect(healthscore('demo', '--workspace', ws).code).toBe(0);
  return { dir, ws };
}

/** AUC by definition over every (retained, churned) pair: P(retained scores higher) + ½ P(tie). */
function pairwiseAuc(retained: number[], churned: number[]): number {
  let wins = 0;
  for (const r of retained) for (const c of churned) wins += r > c ? 1 : r === c ? 0.5 : 0;
  return wins / (retained.length * churned.length);
}

describe('healthscore backtest', () => {
  it('AUC and band table agree with scores and churn dates read independently', () => {
    const { dir, ws } = demo();
    const r = healthscore('backtest', '--workspace', ws, '--as-of', '2026-06-01', '--horizon', '90d', '--json');
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    const out = path.join(dir, 'scores.csv');
    expect(healthscore('score', '--workspace', ws, '--as-of', '2026-06-01', '--out', out).code).toBe(0);
    const store = WorkspaceStore.open(ws);
    const keys = store.readAccounts().keys;
    const churn = store.readChurn();
    store.close();
    const churnDayByKey = new Map<string, number>();
    for (const [idx, date] of churn) if (date) churnDayByKey.set(keys[idx], isoToEpochDay(date));
    const T = isoToEpochDay('2026-06-01');
    const retained: number[] = [];
    const churned: number[] = [];
    const bandCounts: Record<string, { accounts: number; churned: number }> = {};
    for (const line of fs.readFileSync(out, 'utf8').trim().split(/\r?\n/).slice(1)) {
      const [key, , scoreText, band] = line.split(',');
      const day = churnDayByKey.get(key);
      if (day !== undefined && day <= T) continue;
      const y = day !== undefined && day <= T + 90;
      bandCounts[band] ??= { accounts: 0, churned: 0 };
      bandCounts[band].accounts++;
      if (y) bandCounts[band].churned++;
      if (scoreText === '') continue;
      (y ? churned : retained).push(Number(scoreText));
    }
    expect(result.labels.churned).toBe(churned.length + (bandCounts.unscored?.churned ?? 0));
    expect(result.auc.auc).toBeCloseTo(pairwiseAuc(retained, churned), 12);
    expect(result.auc.auc).toBeGreaterThan(0.65);
    for (const row of result.bands.overall.rows) {
      expect({ band: row.band, accounts: row.accounts, churned: row.churned }).toEqual({ band: row.band, ...(bandCounts[row.band] ?? { accounts: 0, churned: 0 }) });
    }
    expect(result.auc.ci.lo).toBeLessThan(result.auc.auc);
    expect(result.auc.ci.hi).toBeGreaterThan(result.auc.auc);
  });

  it('no peeking: changing every value dated after T leaves the back-test at T identical', () => {
    const { dir, ws } = demo();
    // A fixed scorecard (a proposal made from the newest data would itself depend on it).
    const scorecard = path.join(dir, 'fixed.scorecard.json');
    expect(healthscore('export-scorecard', '--workspace', ws, '--out', scorecard).code).toBe(0);
    const run = () => JSON.parse(healthscore('backtest', '--workspace', ws, '--scorecard', scorecard, '--as-of', '2026-05-01', '--horizon', '60d', '--json').stdout);
    const before = run();
    const store = WorkspaceStore.open(ws);
    const { keys, names, arr } = store.readAccounts();
    const later = store.listSnapshots().filter((s) => s.asOf > '2026-05-01');
    expect(later.length).toBeGreaterThan(3);
    const snapshots = later.map((s) => {
      const snap = store.readSnapshot(s.asOf)!;
      // Scramble every metric: numbers reversed in sign and scale, text swapped.
      const metrics = snap.metrics.map((m) => ({
        field: m.field,
        values: Array.isArray(m.values) ? m.values.map((v) => (v === 'Green' ? 'Red' : v === 'Red' ? 'Green' : v)) : m.values.map((v) => (Number.isNaN(v) ? 7 : -v * 3 + 11)),
      }));
      return { asOf: s.asOf, present: snap.present, metrics };
    });
    store.writeDataset({ accounts: { keys, names, arr, attributes: [] }, snapshots, churn: [] }, { source: 'scramble', replaceSnapshots: true });
    store.close();
    const after = run();
    expect(after).toEqual(before);
    // The scramble did land: a back-test at a later date changes.
    const laterRun = (date: string) => JSON.parse(healthscore('backtest', '--workspace', ws, '--scorecard', scorecard, '--as-of', date, '--json').stdout).auc.auc;
    expect(laterRun(later[0].asOf)).toBeLessThan(0.5);
  });

  it('the same seed gives the same interval; another seed another', () => {
    const { ws } = demo();
    const ci = (seed: string) => JSON.parse(healthscore('backtest', '--workspace', ws, '--as-of', '2026-06-01', '--seed', seed, '--resamples', '300', '--json').stdout).auc.ci;
    expect(ci('7')).toEqual(ci('7'));
    expect(ci('8')).not.toEqual(ci('7'));
  });

  it('prints a readable report with warnings for segments with few churned accounts', () => {
    const { ws } = demo();
    const r = healthscore('backtest', '--workspace', ws, '--as-of', '2026-06-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AUC 0\.\d{3} {2}\(95% CI 0\.\d{3}–0\.\d{3}, 1,000 resamples, seed 1\)$/m);
    expect(r.stdout).toMatch(/^red\s+[\d,]+\s+\d+/m);
    expect(r.stdout).toMatch(/Segment "Enterprise": only \d+ churned accounts in the horizon/);
    expect(healthscore('backtest', '--workspace', ws, '--horizon', 'soon').code).toBe(2);
  });
});

describe('healthscore suggest-weights', () => {
  it('proposes weights per segment that sum to 100 %, with cross-validated AUC next to the current one', () => {
    const { ws } = demo();
    const r = healthscore('suggest-weights', '--workspace', ws, '--as-of', '2026-06-01', '--json');
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    const smb = result.segments.find((s: { segment: string }) => s.segment === 'SMB');
    expect(smb.suggestion.metrics.reduce((t: number, m: { weightPct: number }) => t + m.weightPct, 0)).toBeCloseTo(100, 6);
    expect(smb.suggestion.cvAuc).toBeGreaterThan(0.5);
    expect(smb.currentAuc).toBeGreaterThan(0.5);
    const enterprise = result.segments.find((s: { segment: string }) => s.segment === 'Enterprise');
    expect(enterprise.suggestion?.warnings.map((w: { code: string }) => w.code) ?? [enterprise.error]).toContain('few-churned');
  });
});

describe('healthscore backtest on a workspace with only a churn flag', () => {
  it('labels by the flag (one snapshot, no churn dates) and agrees with a pairwise count', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'telco.hsw');
    const telco = path.resolve(ROOT, '../shared/data/telco-ibm/Telco-Customer-Churn.csv');
    const imported = healthscore('import', telco, '--workspace', ws);
    expect(imported.stderr).not.toMatch(/healthscore:/);
    expect(imported.code).toBe(0);
    const result = JSON.parse(healthscore('backtest', '--workspace', ws, '--json').stdout);
    expect(result.window).toMatch(/churn flag/);
    expect(result.labels.churned).toBe(1869);
    const out = path.join(dir, 'scores.csv');
    expect(healthscore('score', '--workspace', ws, '--out', out).code).toBe(0);
    const store = WorkspaceStore.open(ws);
    const keys = store.readAccounts().keys;
    const churnedKeys = new Set([...store.readChurn().keys()].map((i) => keys[i]));
    store.close();
    const retained: number[] = [];
    const churned: number[] = [];
    for (const line of fs.readFileSync(out, 'utf8').trim().split(/\r?\n/).slice(1)) {
      const [key, , scoreText] = line.split(',');
      if (scoreText !== '') (churnedKeys.has(key) ? churned : retained).push(Number(scoreText));
    }
    expect(result.auc.auc).toBeCloseTo(pairwiseAuc(retained, churned), 12);
  });
});
