// Events rows → account indices, once every sheet is read. A row's key is an account id, or (with
// accountVia) an id that another events sheet of the import links to an account, such as a usage
// row's subscription_id that the subscriptions sheet maps to its account_id. Events never add
// accounts: a key that reaches no account of the import is a row problem and the row is left out.

import { headerSignature } from '../headerNames';
import { ImportError, quoted } from '../importError';
import type { ProblemLog } from '../problems';
import type { EventSheetReader } from './eventSheetReader';

type AccountOf = (key: string) => number | undefined;

/** The sheet that publishes `link` in its events.links, and that link's map. */
function findLink(readers: readonly EventSheetReader[], reader: EventSheetReader, link: string): { sheet: EventSheetReader; map: Map<string, number> } {
  const wanted = headerSignature([link]);
  for (const sheet of readers) {
    if (sheet === reader) continue;
    for (const [header, map] of sheet.links) if (headerSignature([header]) === wanted) return { sheet, map };
  }
  throw new ImportError(
    'invalid_mapping',
    `${quoted(reader.fileName)} reaches its accounts through "${link}", but no other events sheet of this import lists "${link}" in its events.links: import that sheet (e.g. the subscriptions) in the same import.`,
    reader.fileName,
  );
}

/** Per key of a sheet: its account index, or a reason it has none. */
function keyAccounts(readers: readonly EventSheetReader[], reader: EventSheetReader, accountOf: AccountOf): { account: Int32Array; why: (string | null)[] } {
  const keys = reader.keys.values;
  const account = new Int32Array(keys.length).fill(-1);
  const why: (string | null)[] = new Array(keys.length).fill(null);
  const via = reader.mapping.events.accountVia;
  if (!via) {
    keys.forEach((key, k) => {
      const a = accountOf(key);
      if (a !== undefined) account[k] = a;
      else why[k] = 'is in no accounts, snapshots or churn events sheet of this import; this row was left out.';
    });
    return { account, why };
  }
  const { sheet, map } = findLink(readers, reader, via.link);
  if (sheet.mapping.events.accountVia) {
    throw new ImportError('invalid_mapping', `${quoted(sheet.fileName)} links "${via.link}" for ${quoted(reader.fileName)} but has no account id column itself: links go one step only.`, sheet.fileName);
  }
  keys.forEach((key, k) => {
    const linked = map.get(key);
    if (linked === undefined) {
      why[k] = `is in no row of ${quoted(sheet.fileName)} (as ${via.link}); this row was left out.`;
      return;
    }
    const accountKey = sheet.keys.values[linked];
    const a = accountOf(accountKey);
    if (a !== undefined) account[k] = a;
    else why[k] = `leads to account "${accountKey}", which is in no accounts, snapshots or churn events sheet of this import; this row was left out.`;
  });
  return { account, why };
}

/**
 * Each sheet's rows as account indices (−1: left out, logged as an `unknown_account` row problem
 * and counted as skipped).
 */
export function resolveAccounts(readers: readonly EventSheetReader[], accountOf: AccountOf, log: ProblemLog): Int32Array[] {
  return readers.map((reader) => {
    const { account: byKey, why } = keyAccounts(readers, reader, accountOf);
    const rows = reader.rowKey.length;
    const out = new Int32Array(rows);
    const keyHeader = reader.mapping.events.accountVia?.column ?? (reader.mapping.columns.find((c) => c.role === 'accountId')?.header as string);
    for (let r = 0; r < rows; r++) {
      const k = reader.rowKey.get(r);
      out[r] = byKey[k];
      if (byKey[k] >= 0) continue;
      log.add('unknown_account', reader.fileName, reader.rowNumber.get(r), keyHeader, reader.keys.values[k], why[k] as string);
      reader.rowsImported--;
      reader.rowsSkipped++;
    }
    return out;
  });
}
