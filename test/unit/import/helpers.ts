// Small pipeline helpers for the import tests: text or bytes → profiles → guessed mapping → dataset.

import fs from 'node:fs';
import {
  type BuildOptions,
  type BuildResult,
  type ColumnProfile,
  type MappingGuess,
  type ParsedDelimited,
  SheetProfiler,
  buildDataset,
  guessMapping,
  parseDelimited,
  parseDelimitedBytes,
} from '../../../shared/import';
import type { SheetMapping } from '../../../shared/import/mapping';

export const TELCO = '/work/shared/data/telco-ibm/Telco-Customer-Churn.csv';
export const RAVENSTACK = (table: string) => `/work/shared/data/ravenstack-saas/ravenstack_${table}.csv`;

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path));
}

export function profilesOf(parsed: ParsedDelimited): ColumnProfile[] {
  const profiler = new SheetProfiler(parsed.header.headers);
  profiler.push(parsed);
  return profiler.result();
}

export interface Prepared {
  fileName: string;
  parsed: ParsedDelimited;
  profiles: ColumnProfile[];
  guess: MappingGuess;
}

export function prepareText(text: string, fileName = 'sheet.csv'): Prepared {
  const parsed = parseDelimited(text, { fileName });
  const profiles = profilesOf(parsed);
  return { fileName, parsed, profiles, guess: guessMapping(parsed.header.headers, profiles) };
}

export function prepareBytes(bytes: Uint8Array, fileName = 'sheet.csv'): Prepared {
  const parsed = parseDelimitedBytes(bytes, { fileName });
  const profiles = profilesOf(parsed);
  return { fileName, parsed, profiles, guess: guessMapping(parsed.header.headers, profiles) };
}

export const DEFAULT_BUILD: BuildOptions = { importDate: '2024-06-30', onProblem: 'skipRow' };

/** Builds one or more prepared sheets, each with its guessed mapping unless one is given. */
export function build(sheets: (Prepared & { mapping?: SheetMapping })[], options: Partial<BuildOptions> = {}): BuildResult {
  return buildDataset(
    sheets.map((s) => ({ fileName: s.fileName, headers: s.parsed.header.headers, mapping: s.mapping ?? s.guess, batches: [s.parsed] })),
    { ...DEFAULT_BUILD, ...options },
  );
}

/** Text → dataset with every guess accepted. */
export function importText(text: string, fileName = 'sheet.csv', options: Partial<BuildOptions> = {}): BuildResult & Prepared {
  const prepared = prepareText(text, fileName);
  return { ...prepared, ...build([prepared], options) };
}

export function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = 0xff;
    out[o++] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = c & 0xff;
    out[o++] = c >> 8;
  }
  return out;
}

export function utf16be(text: string, bom = true): Uint8Array {
  const le = utf16le(text, bom);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1];
    out[i + 1] = le[i];
  }
  return out;
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Windows-1252 bytes for text limited to Latin-1 characters (enough for test strings). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    if (c > 0xff) throw new Error(`not Latin-1: ${ch}`);
    return c;
  });
}
