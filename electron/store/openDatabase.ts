// Opening a workspace file safely: anything that is not a Healthscore workspace, a damaged file or a
// file from a newer app version is refused with a message that says which and why, and the app
// carries on. Nothing is written to a file until it has passed these checks.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/** Stamped in the SQLite header so a workspace is recognisable among other SQLite files ("HSWB"). */
export const APPLICATION_ID = 0x48535742;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Full page-level check on open only below this size; larger files are checked page by page as read. */
const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;
export const NEW_WORKSPACE_PAGE_SIZE = 65_536;

const refuse = (file: string, why: string) => new ApiError('workspace_refused', `Cannot open workspace "${file}": ${why}`);

function checkExistingFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('not_found', `Workspace file "${file}" does not exist.`);
  }
  if (!stat.isFile()) throw refuse(file, 'it is not a file.');
  if (stat.size === 0) throw refuse(file, 'the file is empty.');
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_MAGIC)) throw refuse(file, 'it is not a Healthscore workspace (not an SQLite database file).');
}

function describeSqliteError(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return 'the file is damaged (SQLite reports it as corrupt).';
  if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened (check permissions).';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'another program holds a lock on it.';
  return (err as Error).message;
}

function verifyAndMigrate(db: Database.Database, file: string, isNew: boolean): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (!isNew && appId !== APPLICATION_ID) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw refuse(file, 'it is an SQLite database, but not a Healthscore workspace.');
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw refuse(
      file,
      `it was made by a newer version of Healthscore Workbench (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  if (!isNew && fs.statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
    const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
    if (rows[0]?.quick_check !== 'ok') throw refuse(file, `the file is damaged (${rows[0]?.quick_check ?? 'integrity check failed'}).`);
  }
  // A new file gets SQLite's largest page (only possible before its first write): a workspace is
  // mostly column blobs of megabytes, written and read as overflow-page chains, ~3× faster in
  // 64 KB pages than in the default 4 KB. Existing files keep theirs.
  if (isNew) db.pragma(`page_size = ${NEW_WORKSPACE_PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const pending = MIGRATIONS.filter((m) => m.version > version);
  if (pending.length > 0) {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
    db.pragma('optimize');
  }
}

/**
 * Opens an existing workspace (mode 'open') or makes a new one at a path that must not exist yet
 * (mode 'create'), applying pending migrations. Throws ApiError with a clear message otherwise.
 */
export function openWorkspaceDatabase(file: string, mode: 'open' | 'create'): Database.Database {
  const resolved = path.resolve(file);
  if (mode === 'create') {
    if (fs.existsSync(resolved)) throw new ApiError('already_exists', `"${resolved}" already exists; choose another name or open it.`);
    if (!fs.existsSync(path.dirname(resolved))) throw new ApiError('not_found', `The folder "${path.dirname(resolved)}" does not exist.`);
  } else {
    checkExistingFile(resolved);
  }
  let db: Database.Database;
  try {
    db = new Database(resolved, { fileMustExist: mode === 'open' });
  } catch (err) {
    throw refuse(resolved, describeSqliteError(err));
  }
  try {
    verifyAndMigrate(db, resolved, mode === 'create');
    return db;
  } catch (err) {
    db.close();
    if (mode === 'create') removeWorkspaceFiles(resolved);
    if (err instanceof ApiError) throw err;
    throw refuse(resolved, describeSqliteError(err));
  }
}

/** Removes a workspace file with its WAL and shared-memory companions. */
export function removeWorkspaceFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
