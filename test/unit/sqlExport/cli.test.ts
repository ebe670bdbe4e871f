// `healthscore export-sql`, run as a process from a fresh bundle of electron/cli.ts: output to a
// file or standard output, exit 1 with a clear message for an invalid or unexportable scorecard
// file, exit 2 for usage errors.

import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-export-sql-'));
const cli = path.join(dir, 'cli.cjs');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await build({
    entryPoints: [path.join(ROOT, 'electron/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: cli,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'silent',
  });
}, 60_000);

function healthscore(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const scorecard = {
  schemaVersion: 1,
  name: 'CLI card',
  metrics: [
    { id: 'logins', label: 'Logins', source: 'logins', method: { type: 'linear', lo: 0, hi: 10 } },
    { id: 'last', label: 'Last login', source: 'last login', direction: 'lowerIsBetter', method: { type: 'daysSince', scoring: { type: 'linear', lo: 0, hi: 100 } } },
  ],
};

describe('healthscore export-sql', () => {
  it('writes SQLite SQL to a file, which scores a table', () => {
    const card = write('card.json', scorecard);
    const out = path.join(dir, 'card.sql');
    const r = healthscore('export-sql', '--scorecard', card, '--table', 'acc', '--id-column', 'key', '--snapshot-date', '2024-06-30', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`Wrote sqlite SQL for "CLI card" to ${out}`);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE acc (key, logins, "last login")');
    db.prepare('INSERT INTO acc VALUES (?, ?, ?), (?, ?, ?)').run('k1', 5, '2024-06-30', 'k2', ' ', '2024-04-21');
    const rows = db.prepare(fs.readFileSync(out, 'utf8')).all();
    db.close();
    expect(rows).toEqual([
      { account_id: 'k1', segment: 'default', score: 75, band: 'green', coverage: 1, overridden: 0, sub_logins: 50, sub_last: 100 },
      { account_id: 'k2', segment: 'default', score: 30, band: 'red', coverage: 0.5, overridden: 0, sub_logins: null, sub_last: 30 },
    ]);
  });

  it('prints DuckDB SQL on standard output, the snapshot date read from a column by default', () => {
    const r = healthscore('export-sql', '--scorecard', write('card2.json', scorecard), '--dialect', 'duckdb');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-- Scorecard "CLI card" as SQL \(duckdb\)/);
    expect(r.stdout).toContain('FROM "accounts" AS src');
    expect(r.stdout).toContain('src."account_id" AS account_id');
    expect(r.stdout).toContain('-- c1: column "snapshot_date"');
    expect(r.stdout.trimEnd().endsWith(';')).toBe(true);
  });

  it('exit 1 with a clear message for an invalid or unreadable scorecard file', () => {
    const invalid = write('invalid.json', { ...scorecard, thresholds: { red: 80, green: 70 } });
    let r = healthscore('export-sql', '--scorecard', invalid);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`healthscore: "${invalid}" is not a valid scorecard: thresholds.red: must be below thresholds.green (70)`);
    const notJson = write('not.json', '{ nope');
    r = healthscore('export-sql', '--scorecard', notJson);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`"${notJson}" is not a valid scorecard: (file): not valid JSON`);
    r = healthscore('export-sql', '--scorecard', path.join(dir, 'missing.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^healthscore: Cannot read scorecard file ".*missing\.json"/);
  });

  it('exit 1 naming the problem when the scorecard cannot be exported faithfully', () => {
    const mixed = write('mixed.json', { ...scorecard, segments: [{ id: 's', label: 'S', when: [{ attribute: 'tier', operator: 'in', value: ['gold', 2] }] }] });
    const r = healthscore('export-sql', '--scorecard', mixed);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `healthscore: "${mixed}" cannot be exported to SQL: segments[0].when[0].value[0]: "gold" cannot be compared as a number or a date (the engine refuses this rule too)`,
    );
  });

  it('exit 2 with the usage for usage errors', () => {
    const card = write('card3.json', scorecard);
    const cases: [string[], string][] = [
      [[], 'missing --scorecard'],
      [['--scorecard', card, '--dialect', 'postgres'], '--dialect must be one of sqlite, duckdb, got "postgres"'],
      [['--scorecard', card, '--snapshot-date', '30/06/2024'], '--snapshot-date must be a date written YYYY-MM-DD, got "30/06/2024"'],
      [['--scorecard', card, '--snapshot-date', '2024-06-30', '--snapshot-column', 'day'], 'give --snapshot-date or --snapshot-column, not both'],
      [['--scorecard', card, '--table', ''], '--table must not be empty'],
      [['--scorecard', card, '--bogus'], "Unknown option '--bogus'"],
      [['--scorecard', card, 'extra'], 'Unexpected argument'],
    ];
    for (const [args, message] of cases) {
      const r = healthscore('export-sql', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('export-sql --scorecard S.json [--dialect sqlite|duckdb] [--table NAME] [--out FILE]');
    }
  });
});
