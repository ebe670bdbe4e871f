// Saved column mappings (docs/import-mapping-format.md). A mapping is saved with the header
// signature of the file it was made for, so the next file with the same columns (in any order,
// any letter case) is offered the same mapping. JSON, validated with zod, `schemaVersion: 1`.

import { z } from 'zod';
import { headerSignature } from './headerNames';
import { ImportError } from './importError';
import { AGGREGATION_OPS, type EventTableOptions } from './events/eventMapping';
import { COLUMN_ROLES, type ColumnMapping, IMPORT_SHEET_KINDS, type ImportMapping, SHEET_KINDS } from './mapping';

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

const header = z.string().min(1).max(500);

/** The `events` block of an events sheet (shared/import/events/eventMapping.ts). */
const eventsSchema = z
  .object({
    date: header,
    end: header.optional(),
    lookbackDays: z.number().int().min(1).max(3660).optional(),
    accountVia: z.object({ column: header, link: header }).strict().optional(),
    links: z.array(header).max(20).optional(),
    aggregations: z
      .array(z.object({ name: z.string().trim().min(1).max(200), op: z.enum(AGGREGATION_OPS), column: header.optional() }).strict())
      .min(1)
      .max(200),
  })
  .strict();

const columnsSchema = z.array(columnSchema).min(1).max(10_000);

/** A sheet's mapping as the user confirms it (also the argument of the api's startImport). */
export const sheetMappingSchema = z.union([
  z.object({ kind: z.enum(SHEET_KINDS), columns: columnsSchema }).strict(),
  z.object({ kind: z.literal('events'), columns: columnsSchema, events: eventsSchema }).strict(),
]);

export const savedMappingSchema = z
  .object({
    schemaVersion: z.literal(MAPPING_SCHEMA_VERSION),
    headerSignature: z.string().min(1),
    /** A label for people ("CRM export, monthly"). */
    label: z.string().max(200).optional(),
    /** ISO timestamp of when it was saved. */
    savedAt: z.string().max(40).optional(),
    kind: z.enum(IMPORT_SHEET_KINDS),
    columns: columnsSchema,
    /** Only (and always) for kind `events`. */
    events: eventsSchema.optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const headers = mapping.columns.map((c) => c.header);
    if (new Set(headers).size !== headers.length) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is listed twice' });
    const isEvents = mapping.kind === 'events';
    if (isEvents !== (mapping.events !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: isEvents ? 'an events sheet needs an events block (date, aggregations)' : `only an events sheet has an events block, not ${mapping.kind}` });
    }
    // An events sheet that reaches its accounts through another sheet (accountVia) has no id column.
    const ids = mapping.columns.filter((c) => c.role === 'accountId').length;
    if (ids !== 1 && !(ids === 0 && mapping.events?.accountVia)) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'exactly one column must have the role accountId (or, in an events sheet, none and events.accountVia)' });
    }
    if (headerSignature(headers) !== mapping.headerSignature) {
      ctx.addIssue({ code: 'custom', path: ['headerSignature'], message: 'does not match the columns listed' });
    }
  });

export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** A mapping ready to be saved for files with these headers. */
export function toSavedMapping(mapping: ImportMapping, options: { label?: string; savedAt?: string } = {}): SavedMapping {
  const columns = mapping.columns.map((c) => ({ ...c }));
  return {
    schemaVersion: MAPPING_SCHEMA_VERSION,
    headerSignature: headerSignature(columns.map((c) => c.header)),
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(options.savedAt !== undefined ? { savedAt: options.savedAt } : {}),
    kind: mapping.kind,
    columns,
    ...(mapping.kind === 'events' ? { events: structuredClone(mapping.events) } : {}),
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
export function applySavedMapping(saved: SavedMapping, headers: readonly string[]): ImportMapping {
  if (headerSignature(headers) !== saved.headerSignature) {
    throw new ImportError('invalid_mapping', 'The saved mapping was made for a file with other columns.', null);
  }
  const byKey = new Map(saved.columns.map((c) => [headerSignature([c.header]), c]));
  const columns: ColumnMapping[] = headers.map((header) => {
    const c = byKey.get(headerSignature([header])) as ColumnMapping;
    return { ...c, header };
  });
  if (saved.kind !== 'events') return { kind: saved.kind, columns };
  // The events block names columns too: respell them as this file does.
  const spelling = new Map(headers.map((h) => [headerSignature([h]), h]));
  const respell = (h: string) => spelling.get(headerSignature([h])) ?? h;
  const e = saved.events as EventTableOptions;
  const events: EventTableOptions = {
    ...e,
    date: respell(e.date),
    ...(e.end !== undefined ? { end: respell(e.end) } : {}),
    ...(e.accountVia ? { accountVia: { ...e.accountVia, column: respell(e.accountVia.column) } } : {}),
    ...(e.links ? { links: e.links.map(respell) } : {}),
    aggregations: e.aggregations.map((a) => (a.column !== undefined ? { ...a, column: respell(a.column) } : { ...a })),
  };
  return { kind: 'events', columns, events };
}
