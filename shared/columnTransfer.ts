// Columns as they cross a transport: numbers stay Float64Array (bytes, not JSON), text columns are
// dictionary-encoded (an Int32Array of codes, −1 = missing, plus the distinct strings), so a
// million-row segment column is 4 MB of codes and three strings.

import type { DatasetColumn, FieldDef } from './dataset';

export type TransferColumn =
  | { field: FieldDef; numbers: Float64Array }
  | { field: FieldDef; codes: Int32Array; dictionary: string[] };

export function packColumn(column: DatasetColumn): TransferColumn {
  const values = column.values;
  if (!Array.isArray(values)) return { field: column.field, numbers: values };
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      codes[i] = -1;
      continue;
    }
    let code = codeOf.get(v);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(v);
      codeOf.set(v, code);
    }
    codes[i] = code;
  }
  return { field: column.field, codes, dictionary };
}

export function unpackColumn(column: TransferColumn): DatasetColumn {
  if ('numbers' in column) return { field: column.field, values: column.numbers };
  const { codes, dictionary } = column;
  const values: (string | null)[] = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) values[i] = codes[i] < 0 ? null : dictionary[codes[i]];
  return { field: column.field, values };
}

/** Many short strings as one (ids travel as a single string, split on NUL, which ids never contain). */
export function packStrings(values: readonly string[]): string {
  return values.join('\u0000');
}

export function unpackStrings(packed: string, count: number): string[] {
  return count === 0 ? [] : packed.split('\u0000');
}
