// Stage 1–2 of the statement: the constants, then one row per account with every cell the
// scorecard reads cleaned (finite numbers, trimmed text, missing-value tokens as NULL) and parsed
// strictly into the numbers, dates and booleans the methods and conditions ask for.

import type { ColumnRegistry } from './columns';
import type { Dialect } from './dialect';
import { type CteList, selectList } from './sqlText';

export function addInputCtes(ctes: CteList, d: Dialect, reg: ColumnRegistry, table: string, idRef: string): void {
  ctes.add(
    'consts',
    ['Constants: the characters trimmed from text cells (those JavaScript\'s trim() removes).'],
    `  SELECT\n${selectList([{ sql: `${d.whitespace()} AS ws` }, ...d.constants().map((c) => ({ sql: c }))])}`,
  );

  const inputItems = reg.inputLines();
  // inputLines() yields comment / num / text triples with trailing commas; the last comma goes.
  const inputsBody = [`    ${idRef} AS account_id,`, ...inputItems.map((l) => `    ${l.replace(/\n/g, '\n    ')}`)];
  inputsBody[inputsBody.length - 1] = inputsBody[inputsBody.length - 1].replace(/,$/, '');
  ctes.add(
    'inputs',
    [
      '1. Inputs, one row per account. Number cells keep finite values; text cells are trimmed, and blank',
      '   cells and the tokens N/A, NA, #N/A, null, NaN, - (any case) become NULL (missing, never 0).',
    ],
    `  SELECT\n${inputsBody.join('\n')}\n  FROM ${table} AS src\n  CROSS JOIN consts AS k`,
  );

  const typedItems = reg.typedLines().map((l) => `    ${l.replace(/\n/g, '\n    ')}`);
  ctes.add(
    'typed',
    [
      '2. Text parsed strictly, as the engine reads it: plain decimals (12, -3.5, 1e3; not 1,000),',
      '   YYYY-MM-DD dates (as days since 1970-01-01), booleans true/false yes/no y/n t/f 1/0.',
    ],
    `  SELECT\n    v.*${typedItems.length ? ',\n' + typedItems.join('\n').replace(/,$/, '') : ''}\n  FROM inputs AS v`,
  );
}
