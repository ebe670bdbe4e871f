// Plain runs of records converted from their bytes (PlainRecordConverter) against the general path
// (papaparse's rows, then RowConverter): random files of every shape the reader meets, fed in chunks
// cut the way the import stream cuts them (after a line feed) and in arbitrary chunks, must give the
// same converted rows, row numbers, problems, counts and warnings, or the same error.

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ColumnMapping, type ConvertedBatch, DelimitedFileReader, PlainRecordConverter, RowConverter, type SheetMapping, columnPlans } from '../../../shared/import';
import { SeededRandom } from '../../../shared/random';

const encoder = new TextEncoder();

const HEADERS = ['id', 'n1', 'n2', 'comma', 'flag', 'day', 'dmy', 'label', 'skip', 'n3'];

/** The sheet's mapping: every kind of plan, in an order that differs from the cells'. */
function mappingFor(undatedDay: boolean): SheetMapping {
  const columns: ColumnMapping[] = [
    { header: 'n3', role: 'metric', type: 'number' },
    { header: 'id', role: 'accountId', type: 'text' },
    { header: 'label', role: 'attribute', type: 'text' },
    { header: 'n1', role: 'metric', type: 'number' },
    { header: 'day', role: 'metric', type: 'date', ...(undatedDay ? {} : { dateOrder: 'mdy' as const }) },
    { header: 'comma', role: 'metric', type: 'number', decimalComma: true },
    { header: 'flag', role: 'churnedFlag', type: 'boolean' },
    { header: 'dmy', role: 'metric', type: 'date', dateOrder: 'dmy' },
    { header: 'n2', role: 'arr', type: 'number' },
    { header: 'skip', role: 'ignore', type: 'text' },
  ];
  return { kind: 'accounts', columns };
}

function converterFor(mapping: SheetMapping): RowConverter {
  return new RowConverter(columnPlans(mapping, HEADERS, 'random.csv'), HEADERS.indexOf('id'), HEADERS.length);
}

const PLAIN = ['0', '42', '-7', '3.25', '-0', '-0.5', '1234.50', '007', '999999999999999', '1234567890123456', '0.000'];
const OTHER_NUMBERS = ['$1,234.50', '45%', '1e5', '(3)', ' 12', '12 ', '1.234,5', '3,5', '+5', '.5', '5.', '1.2.3'];
const MISSING = ['', ' ', 'N/A', '-', '#DIV/0!', 'null', '  na '];
const FLAGS = ['Yes', 'no', 'TRUE', '1', '0', 'maybe'];
const DATES = ['2024-01-31', '03/04/2024', '31.12.2023', '2024/13/45', '45123', '13/01/2024'];
const TEXT = ['abc', 'a long name of more than thirteen', '\t tab', ' padded ', 'x\ry'];
const NON_ASCII = ['Café', '😀x', 'é', '\u00a0', 'naïve but longer than thirteen'];
const ODD = ['"quoted, cell"', 'a"b', '\r'];

interface Shape {
  seed: number;
  delimiter: ',' | ';' | '\t' | '|';
  newline: '\n' | '\r\n';
  rows: number;
  /** Per mille of cells drawn from the odd pool (quotes, CR; a lone LF in CRLF files). */
  odd: number;
  /** Per mille of cells with non-ASCII characters. */
  nonAscii: number;
  undatedDay: boolean;
  finalNewline: boolean;
  cp1252: boolean;
}

function cellFor(column: string, rnd: () => number, shape: Shape): string {
  const pick = (pool: readonly string[]) => pool[Math.floor(rnd() * pool.length)];
  const u = rnd();
  if (u < shape.odd / 1000) return pick(ODD);
  if (u < (shape.odd + shape.nonAscii) / 1000) return pick(NON_ASCII);
  if (u < 0.06) return pick(MISSING);
  if (u < 0.08) return pick([...OTHER_NUMBERS, ...FLAGS, ...DATES, ...TEXT]);
  switch (column) {
    case 'id':
      return `ACC-${Math.floor(rnd() * 5000)}`;
    case 'flag':
      return pick(FLAGS);
    case 'day':
    case 'dmy':
      return pick(DATES);
    case 'label':
      return pick(TEXT);
    case 'comma':
      return pick(['3,5', '1.234,50', '12', '-4,25']);
    default:
      if (u < 0.7) return `${Math.floor(rnd() * 20000) - 1000}.${Math.floor(rnd() * 100)}`;
      if (u < 0.85) return longDecimal(rnd);
      return pick([...PLAIN, ...OTHER_NUMBERS]);
  }
}

/** 14 to 17 significant digits, where computing the value from the digits stops being exact. */
function longDecimal(rnd: () => number): string {
  const digits = Array.from({ length: 14 + Math.floor(rnd() * 4) }, (_, i) => String(Math.floor(rnd() * 10) || (i === 0 ? 1 : 0))).join('');
  const point = Math.floor(rnd() * digits.length);
  return (rnd() < 0.3 ? '-' : '') + (point === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** A file of the shape: header, then rows with short and long records and blank lines. */
function fileOf(shape: Shape): Uint8Array {
  const random = new SeededRandom(shape.seed);
  const rnd = () => random.next();
  const lines = [HEADERS.join(shape.delimiter)];
  for (let r = 0; r < shape.rows; r++) {
    const u = rnd();
    if (u < 0.01) {
      lines.push(['', '   ', shape.delimiter.repeat(3), ` ${shape.delimiter} `][Math.floor(rnd() * 4)]);
      continue;
    }
    let cells = HEADERS.map((h) => cellFor(h, rnd, shape));
    if (u < 0.03) cells = cells.slice(0, Math.floor(rnd() * HEADERS.length));
    else if (u < 0.05) cells.push(...['', ' ', 'surplus', '7'].slice(0, 1 + Math.floor(rnd() * 4)));
    let line = cells.join(shape.delimiter);
    // A line feed inside a CRLF file's record is a cell's content for papaparse.
    if (shape.newline === '\r\n' && rnd() < shape.odd / 1000) line = line.replace(shape.delimiter, '\n');
    lines.push(line);
  }
  const text = lines.join(shape.newline) + (shape.finalNewline ? shape.newline : '');
  if (!shape.cp1252) return encoder.encode(text);
  // Windows-1252 bytes (Latin-1 for the characters used; others as '?'): the decoder falls back.
  return Uint8Array.from(text, (ch) => (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f));
}

/** Chunks as readLineChunk cuts them (after the last line feed of each read), or at fixed sizes. */
function chunksOf(bytes: Uint8Array, size: number, afterLineFeed: boolean): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    let end = Math.min(at + size, bytes.length);
    if (afterLineFeed && end < bytes.length) {
      const lf = bytes.subarray(at, end).lastIndexOf(10);
      if (lf !== -1) end = at + lf + 1;
    }
    chunks.push(bytes.slice(at, end));
    at = end;
  }
  return chunks;
}

interface Outcome {
  rows: Record<string, unknown[]>;
  rowCount?: number;
  warnings?: unknown[];
  error?: string;
}

/** The batches joined into one table (problem rows made absolute). */
function joined(batches: ConvertedBatch[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  let offset = 0;
  for (const b of batches) {
    const add = (key: string, values: ArrayLike<unknown>, shift = 0) => {
      out[key] ??= [];
      for (let i = 0; i < values.length; i++) out[key].push(shift === 0 ? values[i] : (values[i] as number) + shift);
    };
    add('rowNumbers', b.rowNumbers);
    add('ids', b.ids);
    add('idMissing', b.idMissing);
    add('numbers', b.numbers);
    add('texts', b.texts);
    add('failRows', b.failRows, offset);
    add('failPlans', b.failPlans);
    add('failRaw', b.failRaw);
    add('extraRows', b.extraRows, offset);
    add('extraCounts', b.extraCounts);
    add('extraRaw', b.extraRaw);
    offset += b.ids.length;
  }
  return out;
}

function read(chunks: Uint8Array[], mapping: SheetMapping, plain: boolean): Outcome {
  const converter = converterFor(mapping);
  const reader = new DelimitedFileReader({ fileName: 'random.csv' });
  const batches: ConvertedBatch[] = [];
  try {
    for (const chunk of chunks) batches.push(plain ? reader.pushConverted(chunk, converter) : converter.convert(reader.push(chunk)));
    batches.push(converter.convert(reader.end()));
    return { rows: joined(batches), rowCount: reader.rowCount, warnings: reader.warnings };
  } catch (error) {
    // Where it stops depends on the chunks: the error is what must agree.
    return { rows: {}, error: String(error) };
  }
}

const shapes = fc.record({
  seed: fc.nat(),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n'),
  rows: fc.integer({ min: 1500, max: 4000 }),
  odd: fc.constantFrom(0, 0, 0.2, 2),
  nonAscii: fc.constantFrom(0, 0, 0.2, 5),
  undatedDay: fc.constantFrom(false, false, false, true),
  finalNewline: fc.boolean(),
  cp1252: fc.constantFrom(false, false, false, true),
}) as fc.Arbitrary<Shape>;

describe('PlainRecordConverter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('converts random files to what papaparse and RowConverter give, in any chunking', () => {
    let plainRuns = 0;
    const convert = PlainRecordConverter.prototype.convert;
    vi.spyOn(PlainRecordConverter.prototype, 'convert').mockImplementation(function (this: PlainRecordConverter, ...args) {
      const run = convert.apply(this, args);
      if (run !== null) plainRuns++;
      return run;
    });
    fc.assert(
      fc.property(shapes, fc.integer({ min: 700, max: 40_000 }), fc.boolean(), (shape, size, afterLineFeed) => {
        const bytes = fileOf(shape);
        const mapping = mappingFor(shape.undatedDay);
        const expected = read(chunksOf(bytes, 65_536, false), mapping, false);
        const actual = read(chunksOf(bytes, size, afterLineFeed), mapping, true);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    // The comparison is only worth something if most runs were read from the bytes.
    expect(plainRuns).toBeGreaterThan(100);
  });

  it('reads runs of ASCII records and leaves to papaparse what it reads differently', () => {
    const mapping = mappingFor(false);
    const plain = new PlainRecordConverter(converterFor(mapping), ',', '\r\n');
    const run = (text: string) => plain.convert(Uint8Array.from(text, (ch) => ch.charCodeAt(0)), text, 10);
    const ok = run('A,1,2.5,,Yes,,,x,,-3\r\n\r\nB,7\r\n');
    expect(ok?.records).toBe(3);
    expect(ok?.batch.rowNumbers).toEqual([11, 13]);
    expect(Array.from(ok?.batch.numbers.subarray(0, 1) ?? [])).toEqual([-3]);
    const extra = run('A,1\r\n\r\nB,1,2,3,4,5,6,7,8,9, ,x\r\nC,1,2,3,4,5,6,7,8,9, \r\n');
    expect(extra).toMatchObject({ records: 4, extraCellRows: 1, firstExtraCellRecord: 3 });
    expect(extra?.batch).toMatchObject({ rowNumbers: [11, 13, 14], extraRows: [1], extraCounts: [12], extraRaw: ['x'] });
    expect(run('A,"1",2\r\n')).toBeNull(); // a quote
    expect(run('A,1\nB,2\r\n')).toBeNull(); // a lone line feed
    expect(run('A,1,2\r\nB')).toBeNull(); // not ending at a line break
    expect(plain.convert(encoder.encode('A,é\r\n'), 'A,é\r\n', 0)).toBeNull(); // bytes ≠ characters
    expect(() => new PlainRecordConverter(converterFor(mapping), ',', '\r')).toThrow();
  });
});
