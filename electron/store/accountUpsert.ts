// The accounts part of a dataset write: each dataset account mapped to its store position (matched
// by key), new accounts appended. Built for a million accounts in one transaction: the existing
// keys are read once into a map (not one lookup query per account), new rows are inserted many per
// statement, and rows whose name and ARR did not change are not rewritten.
//
// Duplicate keys in the dataset are refused here, at no extra pass: a second match of one stored
// account is seen in a claimed-positions mask, and two new rows with one key break the table's
// UNIQUE(account_key) constraint. (A whole-dataset `new Set(keys)` cost ~0.25 s at 1M accounts.)

import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import type { AccountsTable } from '../../shared/dataset';

/** Rows per multi-row INSERT (4 parameters each, well under SQLite's parameter limit). */
const ROWS_PER_INSERT = 250;
const PARAMS_PER_ROW = 4;

const duplicateKeys = () => new ApiError('invalid_argument', 'The dataset has duplicate account ids.');

interface StoredAccounts {
  byKey: Map<string, number>;
  names: string[];
  arr: (number | null)[];
  next: number;
}

function readStoredAccounts(db: Database.Database): StoredAccounts {
  const stored: StoredAccounts = { byKey: new Map(), names: [], arr: [], next: 0 };
  for (const [idx, key, name, arr] of db.prepare('SELECT idx, account_key, name, arr FROM accounts').raw().iterate() as Iterable<[number, string, string, number | null]>) {
    stored.byKey.set(key, idx);
    stored.names[idx] = name;
    stored.arr[idx] = arr;
    if (idx >= stored.next) stored.next = idx + 1;
  }
  return stored;
}

/** Inserts rows of [idx, key, name, arr] in multi-row statements, into one reused parameter array. */
class AccountInserter {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly pending: unknown[] = new Array(ROWS_PER_INSERT * PARAMS_PER_ROW);
  private filled = 0;

  constructor(db: Database.Database) {
    const values = Array.from({ length: ROWS_PER_INSERT }, () => '(?, ?, ?, ?)').join(', ');
    this.many = db.prepare(`INSERT INTO accounts (idx, account_key, name, arr) VALUES ${values}`);
    this.one = db.prepare('INSERT INTO accounts (idx, account_key, name, arr) VALUES (?, ?, ?, ?)');
  }

  add(idx: number, key: string, name: string, arr: number | null): void {
    const p = this.pending;
    let at = this.filled;
    p[at++] = idx;
    p[at++] = key;
    p[at++] = name;
    p[at++] = arr;
    this.filled = at;
    if (at === p.length) {
      this.run(this.many, p);
      this.filled = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.filled; i += PARAMS_PER_ROW) this.run(this.one, this.pending.slice(i, i + PARAMS_PER_ROW));
    this.filled = 0;
  }

  private run(statement: Database.Statement, params: unknown[]): void {
    try {
      statement.run(params);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicateKeys();
      throw err;
    }
  }
}

/**
 * Store positions of the dataset's accounts (new ones appended after the existing ones) and the
 * account count after the write. `onRows(n)` is called as rows are done (progress, cancel).
 * Throws (leaving the caller to roll back) when the dataset repeats an account id.
 */
export function upsertAccounts(db: Database.Database, accounts: AccountsTable, onRows: (rows: number) => void, rowsPerCall = 10_000): { positions: Int32Array; accountCount: number } {
  const { keys, names, arr } = accounts;
  const stored = readStoredAccounts(db);
  const claimed = new Uint8Array(stored.next);
  const update = db.prepare('UPDATE accounts SET name = ?, arr = ? WHERE idx = ?');
  const inserter = new AccountInserter(db);
  const positions = new Int32Array(keys.length);
  let next = stored.next;
  for (let i = 0; i < keys.length; i++) {
    const arrValue = Number.isFinite(arr[i]) ? arr[i] : null;
    const existing = stored.byKey.size === 0 ? undefined : stored.byKey.get(keys[i]);
    if (existing === undefined) {
      inserter.add(next, keys[i], names[i], arrValue);
      positions[i] = next++;
    } else {
      if (claimed[existing]) throw duplicateKeys();
      claimed[existing] = 1;
      if (stored.names[existing] !== names[i] || stored.arr[existing] !== arrValue) update.run(names[i], arrValue, existing);
      positions[i] = existing;
    }
    if ((i + 1) % rowsPerCall === 0) onRows(rowsPerCall);
  }
  inserter.flush();
  onRows(keys.length % rowsPerCall);
  return { positions, accountCount: next };
}
