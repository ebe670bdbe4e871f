// `npm run bench [-- NAME…]`: bundles each test/bench/NAME.bench.ts, runs it in its own Node process
// (so memory figures are its own), runs test/bench/NAME_reference.py beside it with Debian's Python
// when present, and prints one JSON document with every figure.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'test/bench');
const outDir = path.join(root, 'dist/bench');
const only = process.argv.slice(2);
const PYTHON = '/usr/bin/python3';
const require = createRequire(import.meta.url);

const names = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .filter((n) => only.length === 0 || only.includes(n));

await build({
  entryPoints: Object.fromEntries(names.map((n) => [n, path.join(benchDir, `${n}.bench.ts`)])),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outExtension: { '.js': '.cjs' },
  external: ['better-sqlite3', 'electron', 'playwright-core'],
  logLevel: 'warning',
});

/** Runs one bench module's exported run…Bench() in a fresh process and returns its JSON. */
function runNodeBench(name) {
  const script = `const m = require(${JSON.stringify(path.join(outDir, `${name}.cjs`))});
const fn = Object.entries(m).find(([k, v]) => /^run.*Bench$/.test(k) && typeof v === 'function');
if (!fn) throw new Error('no run…Bench export');
fn[1]().then((r) => process.stdout.write('\\n@@BENCH@@' + JSON.stringify(r) + '\\n'), (e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n') };
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@BENCH@@'));
  return line ? JSON.parse(line.slice('@@BENCH@@'.length)) : { error: 'no result printed' };
}

function runPythonReference(name) {
  const script = path.join(benchDir, `${name}_reference.py`);
  if (!existsSync(script)) return undefined;
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  const r = spawnSync(PYTHON, [script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n') };
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { error: 'reference printed no JSON' };
  }
}

const results = {};
for (const name of names) {
  process.stderr.write(`bench: ${name}…\n`);
  const figures = runNodeBench(name);
  // A bench that runs its own reference (to compute ratios) reports it; otherwise run it here.
  if (figures && typeof figures === 'object' && !('reference' in figures)) {
    const reference = runPythonReference(name);
    if (reference !== undefined) figures.reference = reference;
  }
  // A bench may export compareWithReference(figures, reference) → ratios against the reference.
  const compare = require(path.join(outDir, `${name}.cjs`)).compareWithReference;
  if (typeof compare === 'function' && figures?.reference && !figures.reference.error) figures.ratios = compare(figures, figures.reference);
  results[name] = figures;
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: process.platform };
console.log(JSON.stringify({ machine, results }, null, 2));
