// `healthscore import`, run as a separate process from a CLI and worker bundled from the current
// sources: exit 0 on success, 1 with a clear message on failure (problems listed with file, row,
// column and value; existing snapshot dates; open mapping questions), 2 for usage errors.

import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSavedMapping } from '../../../shared/import';
import { WorkspaceStore } from '../../../electron/store/workspaceStore';
import { useTempDirs } from '../../helpers/tempDir';
import { TELCO, bundle, dumpWorkspace, importWorkerEntries, writeLocked } from './helpers';
import { writeLargeCsv } from './largeCsv';

const tempDir = useTempDirs();
let buildDir = '';

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-cli-build-'));
  await bundle({ cli: 'electron/cli.ts', ...importWorkerEntries }, buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

function healthscore(dataDir: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [path.join(buildDir, 'cli.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HEALTHSCORE_DATA_DIR: dataDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function newWorkspace(dir: string): string {
  const file = path.join(dir, 'book.hsw');
  WorkspaceStore.create(file, 'CLI import').close();
  return file;
}

describe('healthscore import', () => {
  it('imports a file, prints a summary; a second import needs --replace', () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const r = healthscore(dir, 'import', TELCO, '--workspace', ws, '--as-of', '2024-06-30');
    expect(r.stderr).not.toMatch(/\r/); // not a terminal: plain lines, no updating line
    expect(r.stderr.split('\n')).toEqual(expect.arrayContaining(['Reading…', 'Building…', 'Writing…']));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported 7,043 accounts \(1,869 churned\) into .*book\.hsw$/m);
    expect(r.stdout).toMatch(/Telco-Customer-Churn\.csv: 7,043 of 7,043 rows \(accounts, guessed mapping\)/);

    const again = healthscore(dir, 'import', TELCO, '--workspace', ws, '--as-of', '2024-06-30');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^healthscore: the workspace already has snapshot\(s\) dated 2024-06-30; nothing was imported \(--replace replaces them\)\.$/m);

    const replaced = healthscore(dir, 'import', TELCO, '--workspace', ws, '--as-of', '2024-06-30', '--replace', '--json');
    expect(replaced.code).toBe(0);
    const result = JSON.parse(replaced.stdout);
    expect(result.files).toEqual([{ file: TELCO, mapping: 'saved' }]);
    expect(result.report).toMatchObject({ accountCount: 7043, churnedCount: 1869, problemCount: 0, snapshotDates: ['2024-06-30'] });
    const info = WorkspaceStore.open(ws);
    expect(info.listSnapshots().map((s) => s.asOf)).toEqual(['2024-06-30']);
    info.close();
  });

  it('row problems: exit 1 listing them (file, row, column, value); --on-problem skip imports the rest', () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const file = path.join(dir, 'messy.csv');
    const good = Array.from({ length: 200 }, (_, i) => `G-${i},${i}`);
    const bad = Array.from({ length: 14 }, (_, i) => `B-${i},${i}x`);
    fs.writeFileSync(file, ['account_id,logins', 'A-1,10', 'A-2,twelve', ...good, ...bad].join('\n'));
    const before = dumpWorkspace(ws);
    const r = healthscore(dir, 'import', file, '--workspace', ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('healthscore: 15 row problem(s); nothing was imported (--on-problem skip imports without those rows):');
    expect(r.stderr).toContain('  "messy.csv" row 3, column "logins": "twelve" is not a number.');
    expect(r.stderr).toContain('  … and 5 more');
    expect(dumpWorkspace(ws)).toEqual(before);

    const skipped = healthscore(dir, 'import', file, '--workspace', ws, '--on-problem', 'skip');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^Imported 201 accounts/m);
    expect(skipped.stdout).toMatch(/^Skipped rows with 15 problem\(s\)$/m);
  });

  it('refuses to guess an ambiguous date order; a --mapping file answers it', () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const file = path.join(dir, 'renewals.csv');
    fs.writeFileSync(file, ['account_id,renewal_date,logins', 'A-1,03/04/2024,5', 'A-2,05/06/2024,7'].join('\n'));
    const r = healthscore(dir, 'import', file, '--workspace', ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the column mapping needs answers that a guess cannot give:');
    expect(r.stderr).toContain('"renewals.csv": The dates in "renewal_date" read both as month/day and as day/month');
    expect(r.stderr).toContain('--mapping FILE');

    const mappingFile = path.join(dir, 'mapping.json');
    const mapping = toSavedMapping({
      kind: 'accounts',
      columns: [
        { header: 'account_id', role: 'accountId', type: 'text' },
        { header: 'renewal_date', role: 'attribute', type: 'date', dateOrder: 'dmy' },
        { header: 'logins', role: 'metric', type: 'number' },
      ],
    });
    fs.writeFileSync(mappingFile, JSON.stringify([mapping]));
    const ok = healthscore(dir, 'import', file, '--workspace', ws, '--mapping', mappingFile, '--json');
    expect(ok.stderr).not.toContain('healthscore:');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).files[0].mapping).toBe('mapping file');
    const store = WorkspaceStore.open(ws);
    const renewal = store.readAttributes().find((a) => a.field.name === 'renewal_date')!.values as Float64Array;
    expect(renewal[0]).toBe(Date.UTC(2024, 3, 3) / 86_400_000); // 03/04 read day-first: 3 April
    store.close();

    fs.writeFileSync(mappingFile, '{"schemaVersion": 1}');
    const bad = healthscore(dir, 'import', file, '--workspace', ws, '--mapping', mappingFile);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^healthscore: ".*mapping\.json" is not a valid column mapping: /m);
  });

  it('fails with exit 1 and one clear line for unreadable files; exit 2 for usage errors', () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const png = path.join(dir, 'chart.csv');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const r = healthscore(dir, 'import', png, '--workspace', ws);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toBe('healthscore: "chart.csv" is not a text file: it looks like a PNG image.');
    const missing = healthscore(dir, 'import', path.join(dir, 'nope.csv'), '--workspace', ws);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^healthscore: The file ".*nope\.csv" does not exist\.$/m);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    for (const args of [['import', '--workspace', ws], ['import', png], ['import', png, '--workspace', ws, '--on-problem', 'ignore'], ['import', png, '--workspace', ws, '--as-of', '30/06/2024']]) {
      const u = healthscore(dir, ...args);
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stderr).toContain('usage: healthscore');
    }
  });

  it('a CLI killed mid-write (SIGKILL) leaves the workspace unchanged', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const seed = path.join(dir, 'seed.csv');
    fs.writeFileSync(seed, 'account_id,logins\nACC-1,5\n');
    expect(healthscore(dir, 'import', seed, '--workspace', ws, '--as-of', '2024-01-31').code).toBe(0);
    const before = dumpWorkspace(ws);
    const big = path.join(dir, 'big.csv');
    writeLargeCsv(big, { rows: 400_000 });
    const child = spawn(process.execPath, [path.join(buildDir, 'cli.cjs'), 'import', big, '--workspace', ws, '--as-of', '2024-06-30'], {
      env: { ...process.env, HEALTHSCORE_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killedWhileLocked = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Killed while its worker holds the write lock: the import transaction is open and writing.
    const watch = setInterval(() => {
      if (stderr.includes('Writing…') && !killedWhileLocked && writeLocked(ws)) {
        killedWhileLocked = true;
        child.kill('SIGKILL');
      }
    }, 2);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    clearInterval(watch);
    expect(signal).toBe('SIGKILL');
    expect(killedWhileLocked).toBe(true);
    expect(stderr).not.toContain('Imported');
    expect(dumpWorkspace(ws)).toEqual(before);
    const store = WorkspaceStore.open(ws);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.accountCount()).toBe(1);
    store.close();
  });
});
