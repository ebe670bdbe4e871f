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
