// The accounts part of a dataset write: each dataset account mapped to its store position (matched
// by id), new accounts appended, and the three account columns (accountStore.ts) written again.
//
// Ids are matched through one index over the dataset's ids: each stored id is looked up in it, so a
// first import (nothing stored) does no lookups at all. The index is the one DatasetBuilder built
// while reading (its ids are unique by construction) or, for a dataset from elsewhere, built here,
// refusing repeated ids. (Indexing a million ids costs ~0.2 s: not done twice.)

import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import type { AccountsTable } from '../../shared/dataset';
import { KeyIndex } from '../../shared/import/keyIndex';
import { type AccountsColumns, readAccountColumns, writeAccountColumns } from './accountStore';

const duplicateKeys = () => new ApiError('invalid_argument', 'The dataset has duplicate account ids.');

/** ARR as stored: a finite amount or NaN (unknown). */
const storedArr = (v: number) => (Number.isFinite(v) ? v : Number.NaN);

/** The dataset's ARR when every value is already finite or NaN (no copy), else a cleaned copy. */
function cleanArr(arr: Float64Array): Float64Array {
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v === v && !Number.isFinite(v)) return arr.map(storedArr);
  }
  return arr;
}

/** The account columns after the write: stored ones with the dataset's accounts placed on `positions`. */
function mergedColumns(stored: AccountsColumns, accounts: AccountsTable, positions: Int32Array, count: number): AccountsColumns {
  const n = stored.keys.length;
  const keys = stored.keys.concat(new Array<string>(count - n));
  const names = stored.names.concat(new Array<string>(count - n));
  const arr = new Float64Array(count);
  arr.set(stored.arr);
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i];
    keys[at] = accounts.keys[i];
    names[at] = accounts.names[i];
    arr[at] = storedArr(accounts.arr[i]);
  }
  return { keys, names, arr };
}

/**
 * Store positions of the dataset's accounts (new ones appended after the existing ones) and the
 * account count after the write. `onRows(n)` is called as accounts are placed (progress, cancel).
 * Throws (leaving the caller to roll back) when the dataset repeats an account id.
 */
export function upsertAccounts(db: Database.Database, accounts: AccountsTable, onRows: (rows: number) => void): { positions: Int32Array; accountCount: number } {
  const { keys } = accounts;
  const index = accounts.keyIndex ?? KeyIndex.ofUnique(keys);
  if (index === null) throw duplicateKeys();
  const stored = readAccountColumns(db);
  const positions = new Int32Array(keys.length).fill(-1);
  for (let at = 0; at < stored.keys.length; at++) {
    const i = index.find(stored.keys[at]);
    if (i < 0) continue;
    if (keys[i] !== stored.keys[at]) throw new Error('the dataset key index does not match its keys');
    positions[i] = at;
  }
  let next = stored.keys.length;
  for (let i = 0; i < positions.length; i++) if (positions[i] < 0) positions[i] = next++;
  onRows(keys.length);
  // A first import: the dataset's columns are the stored columns, as they are.
  const first = stored.keys.length === 0;
  writeAccountColumns(db, first ? { keys, names: accounts.names, arr: cleanArr(accounts.arr) } : mergedColumns(stored, accounts, positions, next));
  return { positions, accountCount: next };
}
