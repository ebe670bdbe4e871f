// Runs the Python reference scripts of test/reference/backtest on data written by a test.
// Python with scikit-learn, pandas and scipy is looked for at /usr/bin/python3 (never the first
// python3 on PATH, which may lack them). Without it the cross-checks are skipped with a printed
// reason, unless CI is set: then they fail.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';

export const PYTHON = '/usr/bin/python3';
export const REFERENCE_DIR = path.resolve(__dirname, '../../reference/backtest');

let status: { ok: boolean; reason: string } | undefined;

export function pythonStatus(): { ok: boolean; reason: string } {
  if (status) return status;
  if (!fs.existsSync(PYTHON)) return (status = { ok: false, reason: `${PYTHON} not found` });
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, pandas, numpy, scipy'], { encoding: 'utf8' });
  status = probe.status === 0 ? { ok: true, reason: '' } : { ok: false, reason: `${PYTHON} lacks scikit-learn/pandas/numpy/scipy: ${probe.stderr.trim().split('\n').pop()}` };
  return status;
}

/** Registers the "reference available" guard; returns whether cross-checks can run. */
export function requirePython(label: string): boolean {
  const { ok, reason } = pythonStatus();
  if (!ok) {
    if (process.env.CI) it(`${label}: Python reference is available`, () => { throw new Error(reason); });
    else console.warn(`skipping ${label} cross-checks: ${reason}`);
  }
  return ok;
}

export type Column = Float64Array | Float32Array | Uint8Array | Uint16Array;

export interface ReferenceCase {
  name: string;
  params?: Record<string, unknown>;
  arrays: Record<string, Column | { data: Float64Array; shape: number[] }>;
}

function dtypeOf(a: Column): string {
  if (a instanceof Float64Array) return '<f8';
  if (a instanceof Float32Array) return '<f4';
  if (a instanceof Uint16Array) return '<u2';
  return 'u1';
}

/** Writes the cases as a manifest plus little-endian binary columns into `dir`, runs `script`, parses its JSON. */
export function runReference(script: string, cases: ReferenceCase[], dir: string): Record<string, any> {
  const manifest = {
    cases: cases.map((c, ci) => ({
      name: c.name,
      params: c.params ?? {},
      arrays: Object.fromEntries(
        Object.entries(c.arrays).map(([name, value]) => {
          const column = 'shape' in value && !ArrayBuffer.isView(value) ? value.data : (value as Column);
          const file = `c${ci}_${name}.bin`;
          fs.writeFileSync(path.join(dir, file), new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
          const spec: Record<string, unknown> = { file, dtype: dtypeOf(column) };
          if ('shape' in value && !ArrayBuffer.isView(value)) spec.shape = value.shape;
          return [name, spec];
        }),
      ),
    })),
  };
  const manifestPath = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  const run = spawnSync(PYTHON, [path.join(REFERENCE_DIR, script), manifestPath], {
    encoding: 'utf8',
    cwd: REFERENCE_DIR,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** null (Python's NaN) back to NaN. */
export function num(v: number | null | undefined): number {
  return v === null || v === undefined ? Number.NaN : v;
}
