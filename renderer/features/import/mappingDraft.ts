// The mapping a user edits for one analysed sheet, and the edits themselves. It starts from the
// mapping saved for these headers when there is one, else from the guess; every change is a pure
// function so the store stays a list of drafts and the tests can check the mapping sent.

import type { SheetAnalysis } from '../../../shared/api';
import type { FieldKind } from '../../../shared/dataset';
import { normaliseHeaderName } from '../../../shared/import/headerNames';
import type { ColumnProfile } from '../../../shared/import/inferColumn';
import type { EventTableOptions } from '../../../shared/import/events/eventMapping';
import { ROLE_TYPES, type ColumnMapping, type ColumnRole, type ImportMapping, type ImportSheetKind } from '../../../shared/import/mapping';

export interface SheetDraft {
  kind: ImportSheetKind;
  /** Events sheets: the date column, window and aggregations (kept while the kind is changed back and forth). */
  events?: EventTableOptions;
  /** One per header, in the file's column order. */
  columns: ColumnMapping[];
  /** Numbers are written with a decimal comma (applies to every number column of the sheet). */
  decimalComma: boolean;
  /** Where the pre-filled mapping came from. */
  origin: 'saved' | 'guess';
}

function columnFrom(base: ImportMapping, header: string): ColumnMapping | undefined {
  const exact = base.columns.find((c) => c.header === header);
  if (exact) return exact;
  const key = normaliseHeaderName(header);
  return base.columns.find((c) => normaliseHeaderName(c.header) === key);
}

/** A draft for the analysed sheet: the saved mapping (unless told to use the guess), column by column. */
export function draftFromAnalysis(analysis: SheetAnalysis, prefer: 'saved' | 'guess' = 'saved'): SheetDraft {
  const saved = prefer === 'saved' ? analysis.savedMapping : null;
  const base: ImportMapping = saved ?? analysis.guess;
  const columns = analysis.headers.map((header, i): ColumnMapping => {
    const from = columnFrom(base, header) ?? columnFrom(analysis.guess, header);
    return from ? { ...from, header } : { header, role: 'ignore', type: analysis.profiles[i]?.type ?? 'text' };
  });
  const numbers = columns.filter((c) => c.type === 'number');
  const decimalComma = numbers.length > 0 ? numbers.some((c) => c.decimalComma) : analysis.profiles.some((p) => p.type === 'number' && p.decimalComma);
  return { kind: base.kind, columns, decimalComma, origin: saved ? 'saved' : 'guess', ...(base.kind === 'events' ? { events: base.events } : {}) };
}

function withColumn(draft: SheetDraft, index: number, change: (c: ColumnMapping) => ColumnMapping): SheetDraft {
  return { ...draft, columns: draft.columns.map((c, i) => (i === index ? change(c) : c)) };
}

/** The date order a profile settled on by itself (never the ambiguous case). */
function knownDateOrder(profile: ColumnProfile | undefined): ColumnMapping['dateOrder'] {
  const order = profile?.dateOrder;
  return order === 'ymd' || order === 'mdy' || order === 'dmy' ? order : undefined;
}

function withType(column: ColumnMapping, type: FieldKind, profile: ColumnProfile | undefined): ColumnMapping {
  const next: ColumnMapping = { ...column, type };
  if (type === 'date' && !next.dateOrder) {
    const order = knownDateOrder(profile);
    if (order) next.dateOrder = order;
  }
  return next;
}

/** A new role; the type follows when the role needs one, else the column keeps a sensible type. */
export function setColumnRole(draft: SheetDraft, index: number, role: ColumnRole, profile: ColumnProfile | undefined): SheetDraft {
  return withColumn(draft, index, (column) => {
    const required = ROLE_TYPES[role];
    const freeBefore = ROLE_TYPES[column.role] === null && column.role !== 'ignore';
    const type = required ?? (freeBefore ? column.type : (profile?.type ?? column.type));
    return withType({ ...column, role }, type, profile);
  });
}

export function setColumnType(draft: SheetDraft, index: number, type: FieldKind, profile: ColumnProfile | undefined): SheetDraft {
  return withColumn(draft, index, (column) => withType(column, type, profile));
}

export function setDateOrder(draft: SheetDraft, header: string, order: 'mdy' | 'dmy'): SheetDraft {
  return { ...draft, columns: draft.columns.map((c) => (c.header === header ? { ...c, dateOrder: order } : c)) };
}

/** The user picked the account id column: it becomes the only one. */
export function chooseAccountId(draft: SheetDraft, header: string): SheetDraft {
  return {
    ...draft,
    columns: draft.columns.map((c) => {
      if (c.header === header) return { ...c, role: 'accountId', type: 'text' };
      return c.role === 'accountId' ? { ...c, role: 'ignore' } : c;
    }),
  };
}

/**
 * Account ids repeat: either a column is the snapshot date (a snapshots sheet) or there is none and
 * the sheet is read as accounts, each repeated id then reported as a row problem.
 */
export function chooseSnapshotDate(draft: SheetDraft, header: string | null, profiles: readonly ColumnProfile[]): SheetDraft {
  const columns = draft.columns.map((c, i): ColumnMapping => {
    if (header !== null && c.header === header) return withType({ ...c, role: 'snapshotDate' }, 'date', profiles[i]);
    return c.role === 'snapshotDate' ? { ...c, role: 'attribute' } : c;
  });
  return { ...draft, columns, kind: header === null ? 'accounts' : 'snapshots' };
}

export function setSheetKind(draft: SheetDraft, kind: ImportSheetKind): SheetDraft {
  return { ...draft, kind };
}

export function setDecimalComma(draft: SheetDraft, decimalComma: boolean): SheetDraft {
  return { ...draft, decimalComma };
}

/** What startImport receives: only the options that apply to each column's type. */
export function toSheetMapping(draft: SheetDraft): ImportMapping {
  const columns = draft.columns.map((c): ColumnMapping => {
    const out: ColumnMapping = { header: c.header, role: c.role, type: c.type };
    if (c.name !== undefined) out.name = c.name;
    if (c.type === 'number' && draft.decimalComma) out.decimalComma = true;
    if (c.type === 'date' && c.dateOrder) out.dateOrder = c.dateOrder;
    if (c.type === 'date' && c.excelDateSystem) out.excelDateSystem = c.excelDateSystem;
    return out;
  });
  if (draft.kind !== 'events') return { kind: draft.kind, columns };
  // An events sheet not configured yet: validateMapping then names what is missing.
  return { kind: 'events', columns, events: draft.events ?? { date: '', aggregations: [] } };
}
