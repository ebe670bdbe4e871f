// Schema 3: the accounts row table becomes three column blobs (accountStore.ts). Churn events and
// notes keep their account positions; their foreign key to the row table goes with it (SQLite cannot
// drop a constraint, so both tables are rebuilt: create, copy, drop, rename).

import type Database from 'better-sqlite3';
import { writeAccountColumns } from './accountStore';

/** The stored accounts by position; a position no row holds (never written by this app) reads as ''. */
function readAccountRows(db: Database.Database): { keys: string[]; names: string[]; arr: Float64Array } {
  const n = db.prepare('SELECT coalesce(max(idx) + 1, 0) FROM accounts').pluck().get() as number;
  const keys = new Array<string>(n).fill('');
  const names = new Array<string>(n).fill('');
  const arr = new Float64Array(n).fill(Number.NaN);
  for (const [idx, key, name, value] of db.prepare('SELECT idx, account_key, name, arr FROM accounts').raw().iterate() as Iterable<[number, string, string, number | null]>) {
    keys[idx] = key;
    names[idx] = name;
    if (value !== null) arr[idx] = value;
  }
  return { keys, names, arr };
}

export function moveAccountsToColumns(db: Database.Database): void {
  db.exec(`
    CREATE TABLE account_columns (
      name      TEXT PRIMARY KEY CHECK (name IN ('key', 'name', 'arr')),
      row_count INTEGER NOT NULL CHECK (row_count >= 0),
      data      BLOB NOT NULL
    );
  `);
  const accounts = readAccountRows(db);
  if (accounts.keys.length > 0) writeAccountColumns(db, accounts);
  db.exec(`
    CREATE TABLE churn_events_v3 (
      id          INTEGER PRIMARY KEY,
      account_idx INTEGER NOT NULL CHECK (account_idx >= 0),   -- position in the account columns
      churn_date  TEXT CHECK (churn_date IS NULL OR churn_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      source      TEXT
    );
    INSERT INTO churn_events_v3 (id, account_idx, churn_date, source) SELECT id, account_idx, churn_date, source FROM churn_events;
    DROP TABLE churn_events;
    ALTER TABLE churn_events_v3 RENAME TO churn_events;
    CREATE INDEX churn_events_by_account ON churn_events(account_idx);

    CREATE TABLE notes_v3 (
      id          INTEGER PRIMARY KEY,
      account_idx INTEGER CHECK (account_idx IS NULL OR account_idx >= 0),
      body        TEXT NOT NULL,
      created_at  TEXT NOT NULL
    );
    INSERT INTO notes_v3 (id, account_idx, body, created_at) SELECT id, account_idx, body, created_at FROM notes;
    DROP TABLE notes;
    ALTER TABLE notes_v3 RENAME TO notes;

    DROP TABLE accounts;
  `);
}
