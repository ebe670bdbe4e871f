// The five RavenStack tables through `healthscore import` with docs/examples/ravenstack-mapping.json:
// accounts and churn events as rows, subscriptions, feature usage (through subscription_id) and
// support tickets as events sheets aggregated at month starts. Checked against hand counts read
// straight from the CSV text, and, where /usr/bin/python3 has pandas, against an independent pandas
// computation of every account at every date. Then `healthscore backtest` runs on the result.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotData } from '../../../shared/dataset';
import { epochDayToIso, isoToEpochDay } from '../../../shared/dates';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { bundle, importWorkerEntries } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const DATA = '/work/shared/data/ravenstack-saas';
const TABLES = ['accounts', 'churn_events', 'subscriptions', 'feature_usage', 'support_tickets'];
const MAPPING = path.join(ROOT, 'docs/examples/ravenstack-mapping.json');
const REFERENCE = path.join(ROOT, 'test/reference/events/ravenstack_events_ref.py');
const PYTHON = '/usr/bin/python3';

let buildDir = '';
let workDir = '';
let ws = '';
let importOut: { code: number | null; stdout: string; stderr: string };

function healthscore(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(buildDir, 'cli.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, HEALTHSCORE_DATA_DIR: dataDir }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A CSV without quoted fields (as these are) as header → values rows. */
function readCsv(table: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(`${DATA}/ravenstack_${table}.csv`, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/** In the window (D − 30 days, D], comparing ISO dates as text. */
function inWindow(iso: string, asOf: string): boolean {
  return iso > epochDayToIso(isoToEpochDay(asOf) - 30) && iso <= asOf;
}

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-events-build-'));
  await bundle({ cli: 'electron/cli.ts', ...importWorkerEntries }, buildDir);
  // One workspace for every test of this file (the tempDir helper empties its folders after each test).
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-events-'));
  ws = path.join(workDir, 'ravenstack.hsw');
  importOut = healthscore(workDir, 'import', ...TABLES.map((t) => `${DATA}/ravenstack_${t}.csv`), '--workspace', ws, '--mapping', MAPPING, '--json');
}, 120_000);
afterAll(() => {
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.rmSync(workDir, { recursive: true, force: true });
});

function metricOf(snapshot: SnapshotData, name: string): Float64Array {
  const column = snapshot.metrics.find((m) => m.field.name === name);
  if (!column) throw new Error(`no metric ${name} at ${snapshot.asOf}`);
  return column.values as Float64Array;
}

describe('RavenStack: five tables, events aggregated into monthly snapshots', () => {
  it('imports every row of the five files with the example mapping', () => {
    expect(importOut.stderr).not.toMatch(/healthscore:/);
    expect(importOut.code).toBe(0);
    const { report, files } = JSON.parse(importOut.stdout);
    expect(files.map((f: { mapping: string }) => f.mapping)).toEqual(Array(5).fill('mapping file'));
    expect(report.sheets.map((s: { kind: string; rowsImported: number }) => [s.kind, s.rowsImported])).toEqual([
      ['accounts', 500],
      ['churnEvents', 600],
      ['events', 5000],
      ['events', 25000],
      ['events', 2000],
    ]);
    expect(report.problemCount).toBe(0);
    expect(report.accountCount).toBe(500);
    expect(report.churnedCount).toBe(110);
    // Events span 2023-01-01 .. 2024-12-31: month starts 2023-01-01 .. 2025-01-01.
    expect(report.snapshotDates).toHaveLength(25);
    expect(report.snapshotDates[0]).toBe('2023-01-01');
    expect(report.snapshotDates[24]).toBe('2025-01-01');
  });

  it('matches hand counts read from the CSV text for a few accounts', () => {
    const store = WorkspaceStore.open(ws);
    try {
      const keys = store.readAccounts().keys;
      const tickets = readCsv('support_tickets');
      const subs = readCsv('subscriptions');
      const accountOfSub = new Map(subs.map((s) => [s.subscription_id, s.account_id]));
      const usage = readCsv('feature_usage');
      for (const asOf of ['2023-10-01', '2024-06-01', '2024-12-01']) {
        const snapshot = store.readSnapshot(asOf) as SnapshotData;
        const ticketCounts = metricOf(snapshot, 'tickets_30d');
        const usageSums = metricOf(snapshot, 'usage_count_30d');
        const arr = metricOf(snapshot, 'arr');
        // Accounts with tickets in the window, and the first accounts of the file.
        const sample = new Set([...tickets.filter((t) => inWindow(t.submitted_at, asOf)).slice(0, 4).map((t) => t.account_id), ...keys.slice(0, 3)]);
        for (const account of sample) {
          const i = keys.indexOf(account);
          const handTickets = tickets.filter((t) => t.account_id === account && inWindow(t.submitted_at, asOf)).length;
          const handUsage = usage.filter((u) => accountOfSub.get(u.subscription_id) === account && inWindow(u.usage_date, asOf)).reduce((s, u) => s + Number(u.usage_count), 0);
          const handArr = subs
            .filter((s) => s.account_id === account && s.start_date <= asOf && (s.end_date === '' || s.end_date > asOf))
            .reduce((s, x) => s + Number(x.arr_amount), 0);
          expect([account, asOf, ticketCounts[i], usageSums[i], arr[i]]).toEqual([account, asOf, handTickets, handUsage, handArr]);
        }
      }
      const churned = new Set([...store.readChurn().keys()].map((i) => keys[i]));
      const flagged = readCsv('accounts').filter((a) => a.churn_flag === 'True').map((a) => a.account_id);
      expect([...churned].sort()).toEqual(flagged.sort());
    } finally {
      store.close();
    }
  });

  const pandas = fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!pandas && !process.env.CI)('agrees with an independent pandas computation for every account and date', () => {
    const run = spawnSync(PYTHON, [REFERENCE, DATA], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const ref = JSON.parse(run.stdout) as { accounts: number; churned: string[]; dates: string[]; metrics: Record<string, Record<string, Record<string, number | null>>> };
    const store = WorkspaceStore.open(ws);
    try {
      const keys = store.readAccounts().keys;
      expect(keys).toHaveLength(ref.accounts);
      expect(store.listSnapshots().map((s) => s.asOf)).toEqual(ref.dates);
      let compared = 0;
      for (const asOf of ref.dates) {
        const snapshot = store.readSnapshot(asOf) as SnapshotData;
        for (const [name, byDate] of Object.entries(ref.metrics)) {
          const ours = metricOf(snapshot, name);
          const expected = keys.map((k) => byDate[asOf][k] ?? Number.NaN);
          ours.forEach((v, i) => {
            if (Number.isNaN(expected[i])) expect([keys[i], name, asOf, v]).toEqual([keys[i], name, asOf, Number.NaN]);
            else if (Math.abs(v - expected[i]) > 1e-9 * Math.max(1, Math.abs(expected[i]))) expect([keys[i], name, asOf, v]).toEqual([keys[i], name, asOf, expected[i]]);
          });
          compared += ours.length;
        }
      }
      expect(compared).toBe(ref.dates.length * Object.keys(ref.metrics).length * ref.accounts);
    } finally {
      store.close();
    }
  });

  it('back-tests the result: an AUC in [0, 1]', () => {
    const r = healthscore(workDir, 'backtest', '--workspace', ws, '--as-of', '2024-06-01', '--horizon', '90d', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.asOf).toBe('2024-06-01');
    expect(result.auc.auc).toBeGreaterThanOrEqual(0);
    expect(result.auc.auc).toBeLessThanOrEqual(1);
    console.info(`RavenStack back-test as of 2024-06-01, 90 days: AUC ${result.auc.auc} (${result.labels.churned} churned, ${result.labels.retained} retained)`);
  });
});
