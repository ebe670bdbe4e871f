// Saved column mappings (docs/import-mapping-format.md). A mapping is saved with the header
// signature of the file it was made for, so the next file with the same columns (in any order,
// any letter case) is offered the same mapping. JSON, validated with zod, `schemaVersion: 1`.

import { z } from 'zod';
import { headerSignature } from './headerNames';
import { ImportError } from './importError';
import { COLUMN_ROLES, type ColumnMapping, SHEET_KINDS, type SheetMapping } from './mapping';

export const MAPPING_SCHEMA_VERSION = 1;

const columnSchema = z
  .object({
    header: z.string().min(1).max(500),
    role: z.enum(COLUMN_ROLES),
    type: z.enum(['number', 'boolean', 'date', 'text']),
    name: z.string().trim().min(1).max(200).optional(),
    decimalComma: z.boolean().optional(),
    dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
    excelDateSystem: z.union([z.literal(1900), z.literal(1904)]).optional(),
  })
  .strict();

/** A sheet's mapping as the user confirms it (also the argument of the api's startImport). */
export const sheetMappingSchema = z
  .object({ kind: z.enum(SHEET_KINDS), columns: z.array(columnSchema).min(1).max(10_000) })
  .strict();

export const savedMappingSchema = z
  .object({
    schemaVersion: z.literal(MAPPING_SCHEMA_VERSION),
    headerSignature: z.string().min(1),
    /** A label for people ("CRM export, monthly"). */
    label: z.string().max(200).optional(),
    /** ISO timestamp of when it was saved. */
    savedAt: z.string().max(40).optional(),
    kind: z.enum(SHEET_KINDS),
    columns: z.array(columnSchema).min(1).max(10_000),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const headers = mapping.columns.map((c) => c.header);
    if (new Set(headers).size !== headers.length) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is listed twice' });
    if (mapping.columns.filter((c) => c.role === 'accountId').length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'exactly one column must have the role accountId' });
    }
    if (headerSignature(headers) !== mapping.headerSignature) {
      ctx.addIssue({ code: 'custom', path: ['headerSignature'], message: 'does not match the columns listed' });
    }
  });

export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** A mapping ready to be saved for files with these headers. */
export function toSavedMapping(mapping: SheetMapping, options: { label?: string; savedAt?: string } = {}): SavedMapping {
  const columns = mapping.columns.map((c) => ({ ...c }));
  return {
    schemaVersion: MAPPING_SCHEMA_VERSION,
    headerSignature: headerSignature(columns.map((c) => c.header)),
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(options.savedAt !== undefined ? { savedAt: options.savedAt } : {}),
    kind: mapping.kind,
    columns,
  };
}

/** Validates parsed JSON (from a file or the store); throws `invalid_mapping` naming each problem. */
export function parseSavedMapping(json: unknown, source = 'the mapping file'): SavedMapping {
  const result = savedMappingSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'mapping'}: ${issue.message}`);
  throw new ImportError('invalid_mapping', `${source} is not a valid column mapping: ${problems.join('; ')}`, null);
}

/** The saved mapping made for a file with these headers, if any (the most recently saved wins). */
export function findSavedMapping(saved: readonly SavedMapping[], headers: readonly string[]): SavedMapping | null {
  const signature = headerSignature(headers);
  let found: SavedMapping | null = null;
  for (const m of saved) {
    if (m.headerSignature !== signature) continue;
    if (!found || (m.savedAt ?? '') >= (found.savedAt ?? '')) found = m;
  }
  return found;
}

/**
 * A saved mapping applied to a file's headers: columns are matched by normalised name (so letter
 * case and order may differ), and renamed to the file's spelling.
 */
export function applySavedMapping(saved: SavedMapping, headers: readonly string[]): SheetMapping {
  if (headerSignature(headers) !== saved.headerSignature) {
    throw new ImportError('invalid_mapping', 'The saved mapping was made for a file with other columns.', null);
  }
  const byKey = new Map(saved.columns.map((c) => [headerSignature([c.header]), c]));
  const columns: ColumnMapping[] = headers.map((header) => {
    const c = byKey.get(headerSignature([header])) as ColumnMapping;
    return { ...c, header };
  });
  return { kind: saved.kind, columns };
}
