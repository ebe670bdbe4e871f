// Ordered schema migrations. Each entry moves the schema from version − 1 to version; all pending
// ones run in one transaction so a crash leaves the file at its old version, never half-migrated.
//
// Manual overrides live inside the scorecard JSON (with reason and expiry), so they are versioned
// and diffed with it.
//
// Sizing: metric values are stored per (snapshot, metric) as one column blob aligned to accounts.idx,
// not one row per value: 1M accounts × 20 metrics × 12 snapshots is 240 blobs of 8 MB, read back in
// milliseconds, instead of 240M rows. Since schema 3 the accounts themselves (ids, names, ARR) are
// column blobs too.

import type Database from 'better-sqlite3';
import { moveAccountsToColumns } from './accountColumnsMigration';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'accounts, attributes, snapshots as column blobs, churn events, scorecards with versions, notes',
    up(db) {
      db.exec(`
        CREATE TABLE workspace_info (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        CREATE TABLE accounts (
          idx         INTEGER PRIMARY KEY,       -- 0-based position in every stored column
          account_key TEXT NOT NULL UNIQUE,      -- the mapped id column
          name        TEXT NOT NULL,
          arr         REAL
        );
        CREATE TABLE fields (
          id   INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('attribute', 'metric')),
          kind TEXT NOT NULL CHECK (kind IN ('number', 'boolean', 'date', 'text')),
          UNIQUE (role, name)
        );
        CREATE TABLE attribute_columns (
          field_id  INTEGER PRIMARY KEY REFERENCES fields(id) ON DELETE CASCADE,
          row_count INTEGER NOT NULL CHECK (row_count >= 0),
          data      BLOB NOT NULL
        );
        CREATE TABLE snapshots (
          id          INTEGER PRIMARY KEY,
          as_of       TEXT NOT NULL UNIQUE CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          row_count   INTEGER NOT NULL CHECK (row_count >= 0),
          present     BLOB NOT NULL,               -- one byte per account: has a row in this snapshot
          imported_at TEXT NOT NULL,
          source      TEXT
        );
        CREATE TABLE snapshot_columns (
          id          INTEGER PRIMARY KEY,
          snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
          field_id    INTEGER NOT NULL REFERENCES fields(id) ON DELETE CASCADE,
          row_count   INTEGER NOT NULL CHECK (row_count >= 0),
          data        BLOB NOT NULL,
          UNIQUE (snapshot_id, field_id)
        );
        CREATE TABLE churn_events (
          id          INTEGER PRIMARY KEY,
          account_idx INTEGER NOT NULL REFERENCES accounts(idx) ON DELETE CASCADE,
          churn_date  TEXT CHECK (churn_date IS NULL OR churn_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          source      TEXT
        );
        CREATE INDEX churn_events_by_account ON churn_events(account_idx);
        CREATE TABLE scorecards (
          id               INTEGER PRIMARY KEY,
          name             TEXT NOT NULL UNIQUE,
          draft_json       TEXT NOT NULL,
          draft_updated_at TEXT NOT NULL,
          created_at       TEXT NOT NULL
        );
        CREATE TABLE scorecard_versions (
          id           INTEGER PRIMARY KEY,
          scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
          version      INTEGER NOT NULL CHECK (version >= 1),
          message      TEXT NOT NULL,
          body_json    TEXT NOT NULL,
          created_at   TEXT NOT NULL,
          UNIQUE (scorecard_id, version)
        );
        CREATE TABLE notes (
          id          INTEGER PRIMARY KEY,
          account_idx INTEGER REFERENCES accounts(idx) ON DELETE CASCADE,
          body        TEXT NOT NULL,
          created_at  TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'column mappings saved by imports, offered again for files with the same headers',
    up(db) {
      db.exec(`
        CREATE TABLE import_mappings (
          header_signature TEXT PRIMARY KEY,   -- headerSignature() of the file's headers
          mapping_json     TEXT NOT NULL,      -- a SavedMapping (docs/import-mapping-format.md)
          saved_at         TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    description: 'accounts as three column blobs (ids, names, ARR) like every other column, written in one step per import',
    up: moveAccountsToColumns,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Guards against a mis-ordered edit of the list above; runs at module load and in tests. */
export function assertMigrationsMonotonic(list: readonly Migration[] = MIGRATIONS): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i} has version ${m.version}, expected ${i + 1}`);
  });
}
assertMigrationsMonotonic();
