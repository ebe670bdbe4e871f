import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/healthscore.mjs');

function healthscore(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('healthscore CLI', () => {
  const tempDir = useTempDirs();
  let demo: string;
  let demoDir: string;

  beforeAll(() => {
    demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-cli-'));
    demo = path.join(demoDir, 'demo.hsw');
    const made = healthscore('demo', '--workspace', demo);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    return () => fs.rmSync(demoDir, { recursive: true, force: true });
  });

  it('info --json prints the workspace summary', () => {
    const r = healthscore('info', '--workspace', demo, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ name: 'Demo — Northwind SaaS book', isDemo: true, accountCount: 2000 });
    expect(summary.snapshotDates).toHaveLength(12);
    expect(summary.segments.map((s: { name: string }) => s.name).sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    expect(summary.segments.reduce((t: number, s: { accounts: number }) => t + s.accounts, 0)).toBe(2000);
    expect(summary.metrics.map((m: { name: string }) => m.name)).toContain('nps');
  });

  it('info prints a readable summary', () => {
    const r = healthscore('info', '--workspace', demo);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Workspace\s+Demo — Northwind SaaS book \(demo\)$/m);
    expect(r.stdout).toMatch(/^Accounts\s+2,000 \(\d+ churned\)$/m);
    expect(r.stdout).toMatch(/^Snapshots\s+12 \(2025-12-01 → 2026-11-01\)$/m);
  });

  it('the demo is the same on every run (seeded)', () => {
    const again = path.join(tempDir(), 'again.hsw');
    expect(healthscore('demo', '--workspace', again).code).toBe(0);
    const a = JSON.parse(healthscore('info', '--workspace', demo, '--json').stdout);
    const b = JSON.parse(healthscore('info', '--workspace', again, '--json').stdout);
    expect({ ...b, path: a.path }).toEqual(a);
  });

  it('fails with exit 1 and one clear line for a missing or foreign file', () => {
    const missing = healthscore('info', '--workspace', path.join(tempDir(), 'missing.hsw'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^healthscore: Workspace file ".*missing\.hsw" does not exist\.$/);
    const foreign = path.join(tempDir(), 'sheet.hsw');
    fs.writeFileSync(foreign, 'a,b\n1,2\n');
    const r = healthscore('info', '--workspace', foreign);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not an SQLite database');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with exit 2 and the usage for bad command lines', () => {
    for (const args of [[], ['info'], ['bogus'], ['info', '--workspace', 'x', '--frobnicate'], ['demo', '--workspace', 'x', '--accounts', 'many']]) {
      const r = healthscore(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: healthscore');
    }
  });

  it('refuses to overwrite an existing workspace with the demo', () => {
    const r = healthscore('demo', '--workspace', demo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
  });
});

describe('healthscore score', () => {
  const tempDir = useTempDirs();

  function demoIn(dir: string): string {
    const file = path.join(dir, 'demo.hsw');
    expect(healthscore('demo', '--workspace', file).code).toBe(0);
    return file;
  }

  function readCsv(file: string): string[][] {
    return fs.readFileSync(file, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  }

  it('writes one row per present account with segment, score, band, coverage and sub-scores', () => {
    const dir = tempDir();
    const ws = demoIn(dir);
    const out = path.join(dir, 'scores.csv');
    const r = healthscore('score', '--workspace', ws, '--as-of', '2026-06-01', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const [header, ...rows] = readCsv(out);
    expect(header.slice(0, 5)).toEqual(['account_id', 'segment', 'score', 'band', 'coverage']);
    expect(header).toContain('sub_seat_utilization_pct');
    const info = JSON.parse(healthscore('info', '--workspace', ws, '--json').stdout);
    expect(info.accountCount).toBe(2000);
    expect(rows.length).toBeGreaterThan(1500);
    expect(rows.length).toBeLessThan(2000);
    const bandCol = header.indexOf('band');
    const scoreCol = header.indexOf('score');
    for (const row of rows) {
      const band = row[bandCol];
      const score = row[scoreCol] === '' ? Number.NaN : Number(row[scoreCol]);
      if (band === 'unscored') expect(row[scoreCol]).toBe('');
      else {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(band).toBe(score < 40 ? 'red' : score < 70 ? 'yellow' : 'green');
      }
    }
    const counted = { red: 0, yellow: 0, green: 0, unscored: 0 } as Record<string, number>;
    for (const row of rows) counted[row[bandCol]]++;
    expect(result.summary.total.accounts).toEqual(counted);
  });

  it('exports the workspace scorecard, and scoring with an edited file follows its thresholds', () => {
    const dir = tempDir();
    const ws = demoIn(dir);
    const file = path.join(dir, 'team.scorecard.json');
    const exported = healthscore('export-scorecard', '--workspace', ws, '--out', file);
    expect(exported.code).toBe(0);
    const scorecard = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(scorecard.schemaVersion).toBe(1);
    scorecard.thresholds = { red: 99.999, green: 100 };
    fs.writeFileSync(file, JSON.stringify(scorecard));
    const out = path.join(dir, 'strict.csv');
    expect(healthscore('score', '--workspace', ws, '--scorecard', file, '--out', out).code).toBe(0);
    const rows = readCsv(out).slice(1);
    for (const row of rows) {
      if (row[3] === 'green') expect(Number(row[2])).toBeGreaterThanOrEqual(100 - 1e-9);
      else expect(['red', 'unscored']).toContain(row[3]);
    }
    expect(rows.filter((r) => r[3] === 'red').length).toBeGreaterThan(1500);
  });

  it('imports a scorecard file as the workspace draft', () => {
    const dir = tempDir();
    const ws = demoIn(dir);
    const file = path.join(dir, 'team.scorecard.json');
    expect(healthscore('export-scorecard', '--workspace', ws, '--out', file).code).toBe(0);
    const scorecard = JSON.parse(fs.readFileSync(file, 'utf8'));
    scorecard.name = 'Imported card';
    scorecard.thresholds = { red: 30, green: 60 };
    fs.writeFileSync(file, JSON.stringify(scorecard));
    const imported = healthscore('import-scorecard', '--workspace', ws, file);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const again = path.join(dir, 'again.json');
    expect(healthscore('export-scorecard', '--workspace', ws, '--out', again).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(again, 'utf8'))).toMatchObject({ name: 'Imported card', thresholds: { red: 30, green: 60 } });
    fs.writeFileSync(file, '{"schemaVersion": 2}');
    const bad = healthscore('import-scorecard', '--workspace', ws, file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not a valid scorecard/);
  });

  it('fails clearly for a bad scorecard file or a missing snapshot date', () => {
    const dir = tempDir();
    const ws = demoIn(dir);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ schemaVersion: 1, name: 'x' }));
    const r = healthscore('score', '--workspace', ws, '--scorecard', bad, '--out', path.join(dir, 'o.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json" is not a valid scorecard: /);
    const d = healthscore('score', '--workspace', ws, '--as-of', '2019-01-01', '--out', path.join(dir, 'o.csv'));
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/no snapshot dated 2019-01-01/);
  });
});

describe('healthscore import into a new workspace file', () => {
  const tempDir = useTempDirs();

  it('creates the workspace when the file does not exist, and leaves none behind when the import fails', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'book.csv');
    fs.writeFileSync(csv, 'account_id,name,logins\nA-1,Acme,10\nA-2,Globex,3\n');
    const ws = path.join(dir, 'fresh.hsw');
    const ok = healthscore('import', csv, '--workspace', ws, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(healthscore('info', '--workspace', ws, '--json').stdout)).toMatchObject({ name: 'fresh', accountCount: 2 });
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const failed = healthscore('import', empty, '--workspace', path.join(dir, 'never.hsw'));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/"empty\.csv" is empty/);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });
});
