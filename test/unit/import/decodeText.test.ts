import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamingTextDecoder, decodeText } from '../../../shared/import/decodeText';
import { ImportError } from '../../../shared/import/importError';
import { latin1, utf16be, utf16le, utf8 } from './helpers';

const TEXT = 'account,name\nA-1,Café Zürich\nA-2,Ünïcødé “quotes” — ok\n';

function streamDecode(bytes: Uint8Array, chunkSize: number, fileName = 'f.csv'): { text: string; decoder: StreamingTextDecoder } {
  const decoder = new StreamingTextDecoder(fileName);
  let text = '';
  for (let i = 0; i < bytes.length; i += chunkSize) text += decoder.push(bytes.subarray(i, i + chunkSize));
  text += decoder.end();
  return { text, decoder };
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(TEXT), 'a.csv')).toMatchObject({ text: TEXT, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM and removes it', () => {
    expect(decodeText(utf8(TEXT, true), 'a.csv')).toMatchObject({ text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(utf16le(TEXT), 'a.csv')).toMatchObject({ text: TEXT, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16be(TEXT), 'a.csv')).toMatchObject({ text: TEXT, encoding: 'utf-16be', bom: true });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(decodeText(utf16le(TEXT, false), 'a.csv')).toMatchObject({ text: TEXT, encoding: 'utf-16le', bom: false });
    expect(decodeText(utf16be(TEXT, false), 'a.csv')).toMatchObject({ text: TEXT, encoding: 'utf-16be', bom: false });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = latin1('name\nCafé\n');
    expect(bytes[8]).toBe(0xe9);
    expect(decodeText(bytes, 'a.csv')).toMatchObject({ text: 'name\nCafé\n', encoding: 'cp1252' });
    // 0x80 is the euro sign in Windows-1252 (not a C1 control as in ISO-8859-1).
    expect(decodeText(Uint8Array.from([0x70, 0x0a, 0x80, 0x35]), 'a.csv').text).toBe('p\n€5');
  });

  it('refuses empty input, binary signatures, NUL bytes, control characters and UTF-32', () => {
    expect(codeOf(() => decodeText(new Uint8Array(0), 'a.csv'))).toBe('empty_file');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(codeOf(() => decodeText(png, 'logo.png'))).toBe('binary_file');
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'book.csv')).toThrow(/"book.csv" is not a text file: it looks like a ZIP archive/);
    expect(codeOf(() => decodeText(utf8('a,b\n1,\u0000\n2,3\n'), 'a.csv'))).toBe('binary_file');
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    expect(codeOf(() => decodeText(controls, 'a.csv'))).toBe('binary_file');
    expect(codeOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'a.csv'))).toBe('unreadable_encoding');
  });

  it('replaces invalid sequences in a BOM-marked UTF-8 file with a warning', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xff, 0x62]);
    const decoded = decodeText(bytes, 'a.csv');
    expect(decoded.text).toBe('a\n\ufffdb');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['invalid_utf8']);
  });
});

describe('StreamingTextDecoder', () => {
  it.each([1, 2, 3, 7, 4096, 100_000])('decodes every encoding the same in chunks of %d bytes', (size) => {
    for (const bytes of [utf8(TEXT), utf8(TEXT, true), utf16le(TEXT), utf16be(TEXT)]) {
      expect(streamDecode(bytes, size).text).toBe(TEXT);
    }
    expect(streamDecode(latin1('name\nCafé\n'), size).text).toBe('name\nCafé\n');
  });

  it('decides the encoding from the first chunk and keeps it', () => {
    const { decoder } = streamDecode(utf16le(TEXT), 5);
    expect(decoder.encoding).toBe('utf-16le');
    expect(decoder.bom).toBe(true);
  });

  it('switches to Windows-1252 without loss when an ASCII start is followed by a non-UTF-8 byte', () => {
    const ascii = 'id,name\n' + 'A-1,plain\n'.repeat(1000);
    const bytes = new Uint8Array([...utf8(ascii), ...latin1('A-2,Café\n')]);
    for (const size of [4096, 5000, 10_009]) {
      const { text, decoder } = streamDecode(bytes, size);
      expect(text).toBe(`${ascii}A-2,Café\n`);
      expect(decoder.encoding).toBe('cp1252');
    }
  });

  it('remembers a non-ASCII character met after the first chunk, even one cut between chunks', () => {
    // "ü" (2 bytes) straddles the boundary of the 2nd and 3rd chunks (at 8,200 bytes); a later invalid
    // byte must then be replaced (the text so far was not ASCII: Windows-1252 would misread it).
    const start = 'id,name\n' + 'A-1,plain\n'.repeat(819) + 'Z';
    expect(utf8(start).length).toBe(8199);
    const bytes = new Uint8Array([...utf8(`${start}ürich\n`), 0xff, ...utf8('x\n')]);
    const { text, decoder } = streamDecode(bytes, 4100);
    expect(text).toBe(`${start}ürich\n\ufffdx\n`);
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.warnings.map((w) => w.code)).toEqual(['invalid_utf8']);
  });

  it('switches a BOM-marked ASCII start to Windows-1252 as it would without the BOM', () => {
    const ascii = 'id,name\n' + 'A-1,plain\n'.repeat(1000);
    const bytes = new Uint8Array([...utf8(ascii, true), ...latin1('A-2,Café\n')]);
    const { text, decoder } = streamDecode(bytes, 4096);
    expect(text).toBe(`${ascii}A-2,Café\n`);
    expect(decoder.encoding).toBe('cp1252');
  });

  it('replaces a late invalid byte in real UTF-8 text and warns', () => {
    const start = 'id,name\nA-0,Zürich\n' + 'A-1,plain\n'.repeat(1000);
    const bytes = new Uint8Array([...utf8(start), 0xff, ...utf8('x\n')]);
    const { text, decoder } = streamDecode(bytes, 4096);
    expect(text).toBe(`${start}\ufffdx\n`);
    expect(decoder.warnings.map((w) => w.code)).toEqual(['invalid_utf8']);
  });

  it('refuses an empty stream and binary content', () => {
    expect(codeOf(() => new StreamingTextDecoder('a.csv').end())).toBe('empty_file');
    expect(codeOf(() => streamDecode(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 3))).toBe('binary_file');
    const late = new Uint8Array([...utf8('a,b\n' + '1,2\n'.repeat(2000)), 0, 0, 0]);
    expect(codeOf(() => streamDecode(late, 4096))).toBe('binary_file');
  });

  it('decodes any text identically however it is chunked', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (s, size) => {
        const text = `h\n${s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}`;
        expect(streamDecode(utf8(text), size).text).toBe(text);
        expect(streamDecode(utf16le(text), size).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
