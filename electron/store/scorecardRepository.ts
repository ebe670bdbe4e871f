// Scorecards in a workspace: a draft (autosaved as the user edits) and numbered saved versions with
// a message. Bodies are stored as the scorecard file's JSON, so a version is exactly what an export
// of it would write.

import type Database from 'better-sqlite3';

export interface ScorecardRow {
  id: number;
  name: string;
  draftJson: string;
  draftUpdatedAt: string;
}

export interface VersionRow {
  version: number;
  message: string;
  createdAt: string;
}

export class ScorecardRepository {
  constructor(private readonly db: Database.Database) {}

  /** The workspace's scorecard (the first one; one per workspace for now), if any. */
  primary(): ScorecardRow | null {
    const row = this.db
      .prepare('SELECT id, name, draft_json AS draftJson, draft_updated_at AS draftUpdatedAt FROM scorecards ORDER BY id LIMIT 1')
      .get() as ScorecardRow | undefined;
    return row ?? null;
  }

  create(name: string, draftJson: string): ScorecardRow {
    const now = new Date().toISOString();
    const id = Number(this.db.prepare('INSERT INTO scorecards (name, draft_json, draft_updated_at, created_at) VALUES (?, ?, ?, ?)').run(name, draftJson, now, now).lastInsertRowid);
    return { id, name, draftJson, draftUpdatedAt: now };
  }

  saveDraft(id: number, name: string, draftJson: string): string {
    const now = new Date().toISOString();
    this.db.prepare('UPDATE scorecards SET name = ?, draft_json = ?, draft_updated_at = ? WHERE id = ?').run(name, draftJson, now, id);
    return now;
  }

  /** Saves the current draft as the next version number, in one transaction. */
  saveVersion(id: number, message: string): VersionRow {
    return this.db.transaction(() => {
      const draft = this.db.prepare('SELECT draft_json FROM scorecards WHERE id = ?').pluck().get(id) as string;
      const next = (this.db.prepare('SELECT coalesce(max(version), 0) + 1 FROM scorecard_versions WHERE scorecard_id = ?').pluck().get(id) as number) ?? 1;
      const createdAt = new Date().toISOString();
      this.db.prepare('INSERT INTO scorecard_versions (scorecard_id, version, message, body_json, created_at) VALUES (?, ?, ?, ?, ?)').run(id, next, message, draft, createdAt);
      return { version: next, message, createdAt };
    })();
  }

  listVersions(id: number): VersionRow[] {
    return this.db
      .prepare('SELECT version, message, created_at AS createdAt FROM scorecard_versions WHERE scorecard_id = ? ORDER BY version DESC')
      .all(id) as VersionRow[];
  }

  versionBody(id: number, version: number): string | null {
    const body = this.db.prepare('SELECT body_json FROM scorecard_versions WHERE scorecard_id = ? AND version = ?').pluck().get(id, version) as string | undefined;
    return body ?? null;
  }
}
