import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelimitedParser, parseDelimited } from '../../../shared/import/delimited';
import { sniffDelimiter } from '../../../shared/import/delimiterSniff';
import { normaliseHeaderRow } from '../../../shared/import/headerRow';

function table(delimiter: string, newline = '\n'): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [
    ['account_id', 'name', 'note', 'mrr'],
    ['A-1', 'Acme', q(`two\nlines ${delimiter} and a separator`), '1200'],
    ['A-2', q('Globex "the" Corp'), '', '300'],
    ['A-3', 'Initech', 'plain', '45'],
  ];
  return rows.map((r) => r.join(delimiter)).join(newline) + newline;
}

describe('delimiter sniffing', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('finds %j (%s) with quoted embedded newlines and separators', (delimiter) => {
    const parsed = parseDelimited(table(delimiter), { fileName: 't.csv' });
    expect(parsed.header.delimiter).toBe(delimiter);
    expect(parsed.header.headers).toEqual(['account_id', 'name', 'note', 'mrr']);
    expect(parsed.rows).toEqual([
      ['A-1', 'Acme', `two\nlines ${delimiter} and a separator`, '1200'],
      ['A-2', 'Globex "the" Corp', '', '300'],
      ['A-3', 'Initech', 'plain', '45'],
    ]);
    // The record with the embedded newline is spreadsheet row 2; the next one is row 3.
    expect(parsed.rowNumbers).toEqual([2, 3, 4]);
  });

  it('prefers the delimiter with consistent column counts over the one with most splits', () => {
    const text = 'id;revenue;share\nA;1,5;0,25\nB;2,75;0,5\nC;3;1\n';
    const parsed = parseDelimited(text, { fileName: 'eu.csv' });
    expect(parsed.header.delimiter).toBe(';');
    expect(parsed.rows[0]).toEqual(['A', '1,5', '0,25']);
    expect(sniffDelimiter(text, '\n', true)).toMatchObject({ delimiter: ';', columns: 3, consistency: 1 });
  });

  it('handles CRLF and CR line endings', () => {
    expect(parseDelimited(table(',', '\r\n'), { fileName: 'w.csv' }).rows[2]).toEqual(['A-3', 'Initech', 'plain', '45']);
    expect(parseDelimited('a,b\r1,2\r3,4\r', { fileName: 'mac.csv' }).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('uses the delimiter the caller gives', () => {
    const parsed = parseDelimited('a;b,c\n1;2,3\n', { fileName: 'x.csv', delimiter: ';' });
    expect(parsed.header.headers).toEqual(['a', 'b,c']);
  });
});

describe('rows and row numbers', () => {
  it('skips blank lines but counts them in row numbers', () => {
    const parsed = parseDelimited('\n\nid,v\n1,2\n\n,\n3,4\n', { fileName: 'x.csv' });
    expect(parsed.header.rowNumber).toBe(3);
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parsed.rowNumbers).toEqual([4, 7]);
  });

  it('warns about rows with more cells than the header, ignoring trailing empty ones', () => {
    const parsed = parseDelimited('id,v\n1,2,\n3,4,5\n6,7\n', { fileName: 'x.csv' });
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.warnings.map((w) => [w.code, w.count])).toEqual([['inconsistent_columns', 1]]);
    expect(parsed.warnings[0].message).toContain('row 3');
  });

  it('gives the same rows and numbers however the text is chunked', () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', 'x y', '1,5', 'two\nlines', 'say "hi"', 'semi;colon', '\r\n'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, delimiter, cuts) => {
          const esc = (s: string) => (/[",;\t|\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s);
          const text = ['identifier', 'bravo_column', 'charlie_column'].join(delimiter) + '\n' + rows.map((r) => [`R${r.length}`, ...r.slice(1)].map(esc).join(delimiter)).join('\n') + '\n';
          const whole = parseDelimited(text, { fileName: 'x.csv', delimiter: delimiter as ',' });
          const parser = new DelimitedParser({ fileName: 'x.csv', delimiter: delimiter as ',' });
          const got: string[][] = [];
          const numbers: number[] = [];
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          let start = 0;
          for (const end of [...points, text.length]) {
            const batch = parser.push(text.slice(start, end));
            got.push(...batch.rows);
            numbers.push(...batch.rowNumbers);
            start = end;
          }
          const last = parser.end();
          got.push(...last.rows);
          numbers.push(...last.rowNumbers);
          expect(got).toEqual(whole.rows);
          expect(numbers).toEqual(whole.rowNumbers);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('streams a large file in batches and sniffs on the first 64 KB', () => {
    const parser = new DelimitedParser({ fileName: 'big.csv' });
    const line = 'A-%,1;5,"quoted; text"\n';
    let rows = 0;
    let batches = 0;
    rows += parser.push('id,value,text\n').rows.length;
    for (let chunk = 0; chunk < 20; chunk++) {
      const text = Array.from({ length: 1000 }, (_, i) => line.replace('%', String(chunk * 1000 + i))).join('');
      const batch = parser.push(text);
      if (batch.rows.length > 0) batches++;
      rows += batch.rows.length;
    }
    rows += parser.end().rows.length;
    expect(rows).toBe(20_000);
    expect(batches).toBeGreaterThan(10);
    expect(parser.header?.delimiter).toBe(',');
    expect(parser.rowCount).toBe(20_000);
  });
});

describe('quotes while streaming', () => {
  it('stops a quoted cell that never closes before it swallows the file', () => {
    const parser = new DelimitedParser({ fileName: 'q.csv' });
    parser.push('id,note\nA,ok\nB,"opens here\n');
    const line = 'C,text without a closing quote\n'.repeat(4000);
    expect(() => {
      for (let i = 0; i < 100; i++) parser.push(line);
    }).toThrow(/"q.csv": a quoted cell that starts in row 3 is never closed/);
  });

  it('counts a malformed quote once however the text is chunked', () => {
    const text = 'id,name,mrr\nA,"Acme" Inc,1\nB,"Globex",2\nC,Initech,3\n' + 'D,x,4\n'.repeat(20_000);
    for (const size of [7, 100, 70_000]) {
      const parser = new DelimitedParser({ fileName: 'q.csv' });
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
      parser.end();
      expect(parser.warnings.map((w) => [w.code, w.count])).toEqual([['malformed_quotes', 1]]);
    }
  });
});

describe('header row', () => {
  it('makes duplicate names unique with a warning', () => {
    const h = normaliseHeaderRow(['id', 'Logins', 'logins', 'Logins', 'Logins (2)'], 'x.csv');
    expect(h.headers).toEqual(['id', 'Logins', 'logins (3)', 'Logins (4)', 'Logins (2)']);
    expect(h.warnings.map((w) => w.code)).toEqual(['duplicate_header']);
    const simple = normaliseHeaderRow(['id', 'Logins', 'Logins'], 'x.csv');
    expect(simple.headers).toEqual(['id', 'Logins', 'Logins (2)']);
    expect(simple.warnings[0].message).toContain('"Logins" → "Logins (2)"');
  });

  it('names blank headers by column letter and drops trailing blank ones', () => {
    const h = normaliseHeaderRow(['', 'id', ' ', 'v', '', ''], 'x.csv');
    expect(h.headers).toEqual(['Column A', 'id', 'Column C', 'v']);
    expect(h.warnings.map((w) => w.code)).toEqual(['dropped_blank_columns', 'blank_header']);
  });

  it('strips a BOM and spaces from header names', () => {
    expect(normaliseHeaderRow(['\ufeffid ', ' name'], 'x.csv').headers).toEqual(['id', 'name']);
  });
});
