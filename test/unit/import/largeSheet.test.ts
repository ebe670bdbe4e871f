// Profiling and building must stay fast on large sheets: 1M rows × 20 numeric columns (generated
// here with a seeded generator, fed in ~250 KB chunks like a worker reading a file). Set
// IMPORT_BENCH_ROWS to try other sizes; timings are printed for the record.

import { describe, expect, it } from 'vitest';
import { DatasetBuilder, DelimitedParser, type RowBatch, SheetProfiler, guessMapping } from '../../../shared/import';
import { SeededRandom } from '../../../shared/random';

// 200k rows keep the suite quick; `npm run bench import` measures 1M rows against pandas.
const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 200_000);
const METRICS = 20;

function generateChunks(rows: number, seed: number, rowsPerChunk = 2_000): string[] {
  const rng = new SeededRandom(seed);
  const chunks: string[] = [];
  let header = 'account_id';
  for (let m = 0; m < METRICS; m++) header += `,metric_${m}`;
  let out = `${header}\n`;
  for (let r = 0; r < rows; r++) {
    let line = `ACC-${r}`;
    for (let m = 0; m < METRICS; m++) {
      const roll = rng.int(100);
      // Integers, decimals and a few blanks, as exports have them.
      line += roll < 2 ? ',' : m % 2 === 0 ? `,${rng.int(10_000)}` : `,${(rng.next() * 1000).toFixed(2)}`;
    }
    out += `${line}\n`;
    if ((r + 1) % rowsPerChunk === 0) {
      chunks.push(out);
      out = '';
    }
  }
  if (out) chunks.push(out);
  return chunks;
}

function stream(chunks: string[], onBatch: (batch: RowBatch, parser: DelimitedParser) => void): void {
  const parser = new DelimitedParser({ fileName: 'big.csv' });
  for (const chunk of chunks) {
    const batch = parser.push(chunk);
    if (batch.rows.length > 0) onBatch(batch, parser);
  }
  const last = parser.end();
  if (last.rows.length > 0) onBatch(last, parser);
}

describe(`a sheet of ${ROWS.toLocaleString('en-US')} rows × ${METRICS} metrics`, () => {
  it('profiles and builds a large sheet without problems (timings printed; `npm run bench import` measures)', () => {
    const chunks = generateChunks(ROWS, 42);
    const chars = chunks.reduce((n, c) => n + c.length, 0);

    let t = performance.now();
    let profiler: SheetProfiler | null = null;
    stream(chunks, (batch, parser) => {
      profiler ??= new SheetProfiler(parser.header!.headers);
      profiler.push(batch);
    });
    const profiles = profiler!.result();
    const profileMs = performance.now() - t;

    const headers = profiles.map((p) => p.header);
    const mapping = guessMapping(headers, profiles);
    expect(mapping.columns.filter((c) => c.role === 'metric')).toHaveLength(METRICS);

    t = performance.now();
    const builder = new DatasetBuilder({ importDate: '2024-06-30', onProblem: 'skipRow' });
    const sheet = builder.addSheet({ fileName: 'big.csv', headers, mapping });
    stream(chunks, (batch) => sheet.push(batch));
    const { dataset, report } = builder.finish();
    const buildMs = performance.now() - t;

    console.log(
      `import benchmark: ${ROWS} rows × ${METRICS} metrics, ${(chars / 1e6).toFixed(0)} MB of text — ` +
        `parse + profile ${(profileMs / 1000).toFixed(2)} s, parse + build ${(buildMs / 1000).toFixed(2)} s`,
    );
    expect(report.accountCount).toBe(ROWS);
    expect(report.problemCount).toBe(0);
    expect(profiles.slice(1).every((p) => p.type === 'number' && p.missingPercent > 1 && p.missingPercent < 3)).toBe(true);
    expect(dataset.snapshots[0].metrics).toHaveLength(METRICS);
    expect(dataset.snapshots[0].metrics[1].values).toBeInstanceOf(Float64Array);
  }, 180_000);
});
