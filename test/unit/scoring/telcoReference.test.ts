// Cross-check of the TypeScript engine against the independent pandas implementation in
// score_reference.py on the public IBM Telco churn sheet: every account's score to 1e-9, identical
// bands, coverage and override flags, for both matrix precisions.

import Papa from 'papaparse';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BAND_NAMES } from '../../../shared/scorecard/bands';
import { serializeScorecard } from '../../../shared/scorecard/validate';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix, type SubScorePrecision } from '../../../shared/scoring/matrix';
import { SPEC, TELCO_CSV, telcoData, telcoRows, telcoScorecard, toCsv } from '../../reference/telcoScorecard';

const SCRIPT = new URL('../../reference/score_reference.py', import.meta.url).pathname;

/** Debian's python3 with pandas, else any python3 on PATH with pandas, else null (and why). */
function findPython(): { python: string | null; reason: string } {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(candidate, ['-c', 'import pandas, numpy'], { encoding: 'utf8' });
    if (r.status === 0) return { python: candidate, reason: '' };
  }
  return { python: null, reason: 'no python3 that can import pandas and numpy (apt-get install python3-pandas python3-numpy)' };
}

const { python, reason } = findPython();
if (!python) {
  if (process.env.CI) throw new Error(`Python reference cross-check cannot run in CI: ${reason}`);
  console.warn(`Skipping the Python reference cross-check: ${reason}`);
}

const dir = mkdtempSync(join(tmpdir(), 'hs-telco-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!python)('engine vs Python reference on the Telco sheet', () => {
  const rows = telcoRows();
  const data = telcoData(rows);
  const presentKeys = rows.filter((r) => r.present === '1').map((r) => r.customerID);
  const sc = telcoScorecard([presentKeys[0], presentKeys[1], presentKeys[2]]);
  writeFileSync(join(dir, 'data.csv'), toCsv(rows));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
  writeFileSync(join(dir, 'scorecard.json'), serializeScorecard(sc));

  it('uses the real sheet, TotalCharges blanks included', () => {
    expect(rows).toHaveLength(7043);
    expect(readFileSync(TELCO_CSV, 'utf8')).toContain(', ,');
    const total = data.metrics.find((c) => c.field.name === 'TotalCharges')!.values as Float64Array;
    expect(total.filter(Number.isNaN)).toHaveLength(11);
  });

  for (const precision of ['float64', 'float32'] as SubScorePrecision[]) {
    it(`matches to 1e-9 with ${precision} sub-scores`, { timeout: 120_000 }, () => {
      const out = join(dir, `scores-${precision}.csv`);
      const run = spawnSync(
        python!,
        [SCRIPT, '--scorecard', join(dir, 'scorecard.json'), '--data', join(dir, 'data.csv'), '--spec', join(dir, 'spec.json'), '--out', out, '--precision', precision],
        { encoding: 'utf8', timeout: 110_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const ref = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;

      const engine = new ScoringEngine(sc, buildSubScoreMatrix(sc, data, { precision }));
      expect(ref).toHaveLength(engine.score.length);
      let worstScore = 0;
      let worstCoverage = 0;
      const mismatches: string[] = [];
      ref.forEach((r, i) => {
        expect(r.key).toBe(data.keys[i]);
        const refScore = Number(r.score);
        const s = engine.score[i];
        if (Number.isNaN(refScore) !== Number.isNaN(s)) mismatches.push(`${r.key}: score ${s} vs ${r.score}`);
        else if (!Number.isNaN(s)) worstScore = Math.max(worstScore, Math.abs(s - refScore));
        if (BAND_NAMES[engine.band[i]] !== r.band) mismatches.push(`${r.key}: band ${BAND_NAMES[engine.band[i]]} vs ${r.band}`);
        worstCoverage = Math.max(worstCoverage, Math.abs(engine.coverageOf(i) - Number(r.coverage)));
        if (engine.overrides.mask[i] !== Number(r.overridden)) mismatches.push(`${r.key}: override flag`);
      });
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(worstScore).toBeLessThanOrEqual(1e-9);
      expect(worstCoverage).toBeLessThanOrEqual(1e-9);

      // The comparison is only meaningful if every kind of outcome occurs.
      const bands = new Set(ref.map((r) => r.band));
      expect([...bands].sort()).toEqual(['absent', 'green', 'red', 'unscored', 'yellow']);
      expect(new Set(Array.from(engine.matrix.segment))).toEqual(new Set([0, 1, 2, 3]));
      if (precision === 'float32') {
        // What float32 storage costs against exact sub-scores, on real data.
        const exact = new ScoringEngine(sc, buildSubScoreMatrix(sc, data, { precision: 'float64' }));
        let drift = 0;
        let flips = 0;
        exact.score.forEach((s, i) => {
          if (!Number.isNaN(s)) drift = Math.max(drift, Math.abs(s - engine.score[i]));
          if (exact.band[i] !== engine.band[i]) flips++;
        });
        expect(drift).toBeLessThan(1e-4);
        console.log(`float32 vs float64 sub-scores: max |Δscore| = ${drift.toExponential(2)}, band changes = ${flips}`);
      }
      console.log(
        `Telco cross-check (${precision}): ${ref.length} accounts, max |Δscore| = ${worstScore.toExponential(2)}, max |Δcoverage| = ${worstCoverage.toExponential(2)}, bands identical; ` +
          `counts ${JSON.stringify(Object.fromEntries([...bands].map((b) => [b, ref.filter((r) => r.band === b).length])))}`,
      );
    });
  }
});
