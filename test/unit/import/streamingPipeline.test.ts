// The byte-streaming path a worker uses (file chunks → DelimitedFileReader → SheetProfiler /
// DatasetBuilder) gives the same profiles and dataset as reading the whole file at once.

import { describe, expect, it } from 'vitest';
import { DatasetBuilder, DelimitedFileReader, type RowBatch, SheetProfiler, guessMapping } from '../../../shared/import';
import { TELCO, build, prepareBytes, readBytes, utf16le } from './helpers';
import { datasetContent } from '../../helpers/datasetContent';

function streamBytes(bytes: Uint8Array, chunkSize: number, fileName: string, onBatch: (batch: RowBatch, reader: DelimitedFileReader) => void): DelimitedFileReader {
  const reader = new DelimitedFileReader({ fileName });
  for (let i = 0; i < bytes.length; i += chunkSize) {
    const batch = reader.push(bytes.subarray(i, i + chunkSize));
    if (batch.rows.length > 0) onBatch(batch, reader);
  }
  const last = reader.end();
  if (last.rows.length > 0) onBatch(last, reader);
  return reader;
}

describe('streaming a file in byte chunks', () => {
  const bytes = readBytes(TELCO);
  const whole = prepareBytes(bytes, 'telco.csv');
  const expected = build([whole]);

  it.each([
    ['UTF-8', bytes, 65_536],
    ['UTF-8, odd chunks', bytes, 4_099],
    ['UTF-16 LE', utf16le(new TextDecoder().decode(bytes)), 100_001],
  ])('%s: same profiles, mapping and dataset as the whole file', (_name, input, chunkSize) => {
    let profiler: SheetProfiler | null = null;
    const progress: number[] = [];
    const reader = streamBytes(input, chunkSize, 'telco.csv', (batch, r) => {
      profiler ??= new SheetProfiler(r.header!.headers);
      profiler.push(batch);
      progress.push(r.rowCount);
    });
    expect(reader.rowCount).toBe(7043);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const profiles = profiler!.result();
    expect(profiles).toEqual(whole.profiles);
    const mapping = guessMapping(reader.header!.headers, profiles);
    expect(mapping).toEqual(whole.guess);

    const builder = new DatasetBuilder({ importDate: '2024-06-30', onProblem: 'skipRow' });
    const sheet = builder.addSheet({ fileName: 'telco.csv', headers: reader.header!.headers, mapping });
    streamBytes(input, chunkSize, 'telco.csv', (batch) => sheet.push(batch));
    const built = builder.finish();
    expect({ ...built, dataset: datasetContent(built.dataset) }).toEqual({ ...expected, dataset: datasetContent(expected.dataset) });
  });

  it('reports the encoding it decided on', () => {
    const reader = streamBytes(utf16le('id,v\nA,1\n'), 3, 'u.csv', () => {});
    expect(reader.encoding).toBe('utf-16le');
    expect(reader.warnings).toEqual([]);
  });
});
