// Column mappings that earlier imports confirmed, one per header signature (the latest wins), so the
// next file with the same columns is offered the same mapping. Stored as the saved-mapping JSON of
// docs/import-mapping-format.md; a row that no longer validates is ignored rather than trusted.

import type Database from 'better-sqlite3';
import { type SavedMapping, parseSavedMapping } from '../../shared/import';

/** The saved mapping for this header signature, or null (also when the stored JSON is invalid). */
export function readSavedMapping(db: Database.Database, signature: string): SavedMapping | null {
  const json = db.prepare('SELECT mapping_json FROM import_mappings WHERE header_signature = ?').pluck().get(signature) as string | undefined;
  if (json === undefined) return null;
  try {
    return parseSavedMapping(JSON.parse(json), 'a saved mapping');
  } catch {
    return null;
  }
}

/** Saves (or replaces) mappings by their header signature; call inside the import's transaction. */
export function saveMappings(db: Database.Database, mappings: readonly SavedMapping[]): void {
  const upsert = db.prepare(
    `INSERT INTO import_mappings (header_signature, mapping_json, saved_at) VALUES (?, ?, ?)
     ON CONFLICT(header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, saved_at = excluded.saved_at`,
  );
  for (const mapping of mappings) upsert.run(mapping.headerSignature, JSON.stringify(mapping), mapping.savedAt ?? new Date().toISOString());
}
