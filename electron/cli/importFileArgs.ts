// The FILE arguments of `healthscore import`: a path, or `book.xlsx#Sheet name` to read one sheet of
// a workbook (default: its first). The same workbook may be named several times with different
// sheets, each then a sheet of its own in the import (accounts on one sheet, snapshots on another).
// A path that exists as written is always a file, so a file name with `#` in it still works.

import fs from 'node:fs';
import path from 'node:path';
import type { ImportSource } from '../../shared/api';
import { UsageError } from './args';

export interface ImportFileArg {
  path: string;
  /** XLSX: the sheet to read. */
  sheet?: string;
}

const WORKBOOK = /\.xlsx$/i;

export function parseImportFileArg(arg: string): ImportFileArg {
  const hash = arg.lastIndexOf('#');
  if (hash < 0 || fs.existsSync(arg)) return { path: arg };
  const file = arg.slice(0, hash);
  const sheet = arg.slice(hash + 1);
  if (!WORKBOOK.test(file)) throw new UsageError(`"${arg}": only an .xlsx workbook has sheets to name after "#"`);
  if (sheet.trim() === '') throw new UsageError(`"${arg}": name the sheet after "#" (e.g. ${file}#Accounts), or leave out "#" to read the first sheet`);
  return { path: file, sheet };
}

/** The same sheet twice would import the same rows twice: refused before anything is read. */
export function assertDistinctSheets(files: readonly ImportFileArg[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const key = `${path.resolve(f.path)}#${f.sheet ?? ''}`;
    if (seen.has(key)) throw new UsageError(`"${describeFileArg(f)}" is named twice`);
    seen.add(key);
  }
}

export function describeFileArg(file: ImportFileArg): string {
  return file.sheet === undefined ? file.path : `${file.path}#${file.sheet}`;
}

export function sourceOf(file: ImportFileArg): ImportSource {
  return { fileName: path.basename(file.path), path: file.path, ...(file.sheet !== undefined ? { sheet: file.sheet } : {}) };
}
