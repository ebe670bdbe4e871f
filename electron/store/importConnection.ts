// The import worker's own connection to a workspace the app already opened (and so checked and
// migrated): it writes a whole import in one transaction while the app's connection keeps reading
// the last committed state (WAL). If the worker dies before COMMIT, SQLite discards the
// uncommitted frames: the workspace stays as it was.

import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID } from './openDatabase';

/** How long a write waits for another connection's write (a scorecard autosave) to finish. */
const BUSY_TIMEOUT_MS = 15_000;

export function openWorkspaceForImport(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw new ApiError('not_found', `Cannot open workspace "${file}" to import into it: ${(err as Error).message}`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version !== LATEST_SCHEMA_VERSION) {
      throw new ApiError('workspace_refused', `"${file}" is not a workspace this version can import into (schema ${version}); open it in the app first.`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // No checkpoint inside COMMIT: the import is reported done first and checkpointed after
    // (checkpointWorkspace), while the app already reads the new data from the WAL.
    db.pragma('wal_autocheckpoint = 0');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Which of these snapshot dates the workspace already has. */
export function existingSnapshotDates(db: Database.Database, dates: readonly string[]): string[] {
  const has = db.prepare('SELECT 1 FROM snapshots WHERE as_of = ?').pluck();
  return dates.filter((d) => has.get(d) !== undefined);
}

/**
 * Copies committed WAL frames into the workspace file (PASSIVE: never blocks the app's readers or
 * writers), so the app's next small write does not inherit a checkpoint of a whole import.
 */
export function checkpointWorkspace(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
}
