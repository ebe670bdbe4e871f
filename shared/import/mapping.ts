// What each spreadsheet column means: its role in the workspace (account id, a metric, the churn
// flag…) and the type its values are read as. guessMapping pre-fills a mapping from header names and
// column profiles; the user confirms or corrects it, and validateMapping checks it before a build.

import type { FieldKind } from '../dataset';
import { headerSignature, normaliseHeaderName } from './headerNames';
import { type EventSheetMapping, validateEventMapping } from './events/eventMapping';
import { ImportError, quoted } from './importError';
import type { ColumnProfile } from './inferColumn';
import type { DateOrder } from './values/date';
import type { ExcelDateSystem } from './values/excelSerial';

export { headerSignature };

export const COLUMN_ROLES = ['accountId', 'accountName', 'snapshotDate', 'attribute', 'metric', 'churnedFlag', 'churnDate', 'arr', 'ignore'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * accounts: one row per account (id, name, attributes, churn, ARR; metrics become one snapshot
 * dated at import). snapshots: one row per account and date (metrics over time; account-level
 * columns are taken from each account's latest row). churnEvents: account id + churn date rows.
 */
export const SHEET_KINDS = ['accounts', 'snapshots', 'churnEvents'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** Every kind a sheet can be imported as: the row kinds above, and `events` (events/eventMapping.ts). */
export const IMPORT_SHEET_KINDS = [...SHEET_KINDS, 'events'] as const;
export type ImportSheetKind = (typeof IMPORT_SHEET_KINDS)[number];

export interface ColumnMapping {
  /** The column's header as read (after duplicate names were made unique). */
  header: string;
  role: ColumnRole;
  /** How values are read. Account id and name are always read as text. */
  type: FieldKind;
  /** Field name in the workspace for attributes and metrics (default: the header). */
  name?: string;
  /** Numbers: "," is the decimal mark. */
  decimalComma?: boolean;
  /** Dates: how d/m/y tokens are read; without it only year-first and dotted dates are accepted. */
  dateOrder?: DateOrder;
  /** Dates: plain numbers are Excel serial dates in this system (default 1900). */
  excelDateSystem?: ExcelDateSystem;
}

/** The mapping of a sheet whose rows are accounts, snapshots or churn events (the DatasetBuilder reads these). */
export interface SheetMapping {
  kind: SheetKind;
  columns: ColumnMapping[];
}

export type { EventSheetMapping };

/** Any sheet's mapping as the user confirms and saves it. */
export type ImportMapping = SheetMapping | EventSheetMapping;

export function isEventMapping(mapping: ImportMapping): mapping is EventSheetMapping {
  return mapping.kind === 'events';
}

/** Something the guess could not decide and the UI must ask about. */
export interface MappingDecision {
  kind: 'dateOrder' | 'accountId' | 'repeatedIds';
  /** The column concerned (null for sheet-level questions). */
  header: string | null;
  /** dateOrder: ['mdy', 'dmy']; accountId: headers that could be the id. */
  candidates: string[];
  message: string;
}

export interface MappingGuess extends SheetMapping {
  decisions: MappingDecision[];
}

/** The type a role requires (null: any). */
export const ROLE_TYPES: Record<ColumnRole, FieldKind | null> = {
  accountId: 'text',
  accountName: 'text',
  snapshotDate: 'date',
  churnDate: 'date',
  churnedFlag: 'boolean',
  arr: 'number',
  attribute: null,
  metric: null,
  ignore: null,
};

const ENTITY = '(account|customer|client|company|org|organization|organisation|tenant|subscriber)';
const ACCOUNT_ID = new RegExp(`^${ENTITY}_?(id|key|number|no|nr|code|identifier|ref|uuid)$`);
const ACCOUNT_NAME = new RegExp(`^(${ENTITY}_?(name|title)|name|company|account|customer|client)$`);
const CHURN_FLAG = /^(is_|has_|did_)?churn(ed)?(_(flag|status|label|yn|indicator))?$|^(is_)?lost$/;
const CHURN_DATE = /churn|cancel|terminat/;
const ARR = /^(arr|arr_(amount|usd|eur|value|current)|current_arr|annual_recurring_revenue|annual_revenue|annual_contract_value|acv)$/;
const SNAPSHOT_DATE = /^(date|as_of|asof|as_of_date|snapshot|snapshot_date|period|month|report_date|reporting_date|week)$/;
const DATE_NAME = /_date$|_at$|_on$|^date_/;
const RECENCY = /^(last|latest|most_recent|recent)_/;
const FREE_TEXT = /(feedback|comment|note|description|text|message|remark|body|summary|details|reason_text)/;
const OTHER_ID = /(^|_)(id|uuid|guid|key)$/;

function isIdColumn(name: string, profile: ColumnProfile | undefined): number {
  if (ACCOUNT_ID.test(name)) return 2;
  if ((name === 'id' || name === 'key') && profile && profile.type !== 'date') return 1;
  return 0;
}

/** Text with few distinct values (relative to the rows) is a category: an attribute. */
function isLowCardinality(p: ColumnProfile): boolean {
  const present = p.rowCount - p.missingCount;
  return !p.distinctCapped && p.distinctCount <= Math.max(20, Math.min(200, 0.2 * present));
}

function guessColumn(name: string, p: ColumnProfile, taken: Set<ColumnRole>): ColumnRole {
  const present = p.rowCount - p.missingCount;
  if (present === 0) return 'ignore';
  const claim = (role: ColumnRole): ColumnRole | null => {
    if (taken.has(role)) return null;
    taken.add(role);
    return role;
  };
  if (CHURN_FLAG.test(name) && (p.type === 'boolean' || p.booleanCapable)) return claim('churnedFlag') ?? 'attribute';
  if (p.type === 'date' && CHURN_DATE.test(name)) return claim('churnDate') ?? 'attribute';
  if (p.type === 'number' && ARR.test(name)) return claim('arr') ?? 'metric';
  if (!taken.has('accountName') && ACCOUNT_NAME.test(name) && p.type === 'text') return claim('accountName') as ColumnRole;
  if (OTHER_ID.test(name)) return 'ignore';
  switch (p.type) {
    case 'number':
      return 'metric';
    case 'boolean':
      return 'attribute';
    case 'date':
      return RECENCY.test(name) ? 'metric' : 'attribute';
    default:
      if (FREE_TEXT.test(name)) return 'ignore';
      return isLowCardinality(p) ? 'attribute' : 'ignore';
  }
}

/** The column that carries the snapshot date: snapshot-like names first, then any `*_date`. */
function snapshotDateColumn(names: string[], profiles: readonly ColumnProfile[], excluded: Set<number>): number {
  let best = -1;
  let bestRank = 0;
  names.forEach((name, i) => {
    if (excluded.has(i) || profiles[i]?.type !== 'date' || CHURN_DATE.test(name)) return;
    const rank = SNAPSHOT_DATE.test(name) ? 2 : DATE_NAME.test(name) && !RECENCY.test(name) ? 1 : 0;
    if (rank > bestRank) [best, bestRank] = [i, rank];
  });
  return best;
}

/**
 * Pre-fills a mapping from the headers and their profiles (same order). The result names the sheet
 * kind it assumes and lists what it could not decide (ambiguous date orders, a missing id column).
 */
export function guessMapping(headers: readonly string[], profiles: readonly ColumnProfile[]): MappingGuess {
  const names = headers.map(normaliseHeaderName);
  const roles: ColumnRole[] = headers.map(() => 'ignore');
  const decisions: MappingDecision[] = [];
  let idIndex = -1;
  let idRank = 0;
  names.forEach((name, i) => {
    const rank = isIdColumn(name, profiles[i]);
    if (rank > idRank) [idIndex, idRank] = [i, rank];
  });
  const excluded = new Set<number>();
  if (idIndex >= 0) {
    roles[idIndex] = 'accountId';
    excluded.add(idIndex);
  } else {
    const candidates = headers.filter((_, i) => OTHER_ID.test(names[i]) || (profiles[i] && !profiles[i].hasRepeats && profiles[i].type === 'text'));
    decisions.push({ kind: 'accountId', header: null, candidates, message: 'No column looks like an account id: choose the column that identifies each account.' });
  }
  const idsRepeat = idIndex >= 0 && (profiles[idIndex]?.hasRepeats ?? false);
  const dateIndex = idsRepeat ? snapshotDateColumn(names, profiles, excluded) : -1;
  if (dateIndex >= 0) {
    roles[dateIndex] = 'snapshotDate';
    excluded.add(dateIndex);
  }
  const taken = new Set<ColumnRole>();
  names.forEach((name, i) => {
    if (!excluded.has(i) && profiles[i]) roles[i] = guessColumn(name, profiles[i], taken);
  });

  let kind: SheetKind = 'accounts';
  if (taken.has('churnDate') && (idsRepeat || roles.every((r) => r === 'accountId' || r === 'churnDate' || r === 'churnedFlag' || r === 'ignore'))) {
    kind = 'churnEvents';
    roles.forEach((r, i) => {
      if (r !== 'accountId' && r !== 'churnDate') roles[i] = 'ignore';
    });
  } else if (dateIndex >= 0 || idsRepeat) {
    kind = 'snapshots';
  }
  if (kind === 'snapshots' && dateIndex < 0) {
    decisions.push({
      kind: 'repeatedIds',
      header: headers[idIndex],
      candidates: [],
      message: `Account ids repeat in "${headers[idIndex]}" but no column looks like a snapshot date: map a date column as the snapshot date, or aggregate the rows per account first.`,
    });
  }

  const columns = headers.map((header, i): ColumnMapping => {
    const p = profiles[i];
    const role = roles[i];
    const type: FieldKind = ROLE_TYPES[role] ?? p?.type ?? 'text';
    const column: ColumnMapping = { header, role, type };
    if (type === 'number' && p?.decimalComma) column.decimalComma = true;
    if (type === 'date' && p?.dateOrder) {
      if (p.dateOrder === 'ambiguous') {
        if (role !== 'ignore') {
          decisions.push({
            kind: 'dateOrder',
            header,
            candidates: ['mdy', 'dmy'],
            message: `The dates in "${header}" read both as month/day and as day/month (e.g. ${p.examples[0] ?? '03/04/2024'}): choose one.`,
          });
        }
      } else {
        column.dateOrder = p.dateOrder;
      }
    }
    return column;
  });
  return { kind, columns, decisions };
}

/**
 * Checks a mapping against the headers of the file it is for: every column mapped exists, one
 * account id, the roles a sheet kind needs, types that fit the roles (events sheets: see
 * validateEventMapping). Throws `invalid_mapping`,
 * `no_account_id`, `unknown_column` or `nothing_mapped`.
 */
export function validateMapping(mapping: ImportMapping, headers: readonly string[], fileName: string): void {
  const where = quoted(fileName);
  const known = new Set(headers);
  const seen = new Set<string>();
  for (const column of mapping.columns) {
    if (!known.has(column.header)) {
      throw new ImportError('unknown_column', `The mapping for ${where} names a column "${column.header}" that the file does not have.`, fileName);
    }
    if (seen.has(column.header)) throw new ImportError('invalid_mapping', `The mapping for ${where} maps column "${column.header}" twice.`, fileName);
    seen.add(column.header);
    if (isEventMapping(mapping)) continue; // its columns are only accountId or ignore (checked below)
    const required = ROLE_TYPES[column.role];
    if (required && required !== column.type && column.role !== 'accountId' && column.role !== 'accountName') {
      throw new ImportError('invalid_mapping', `Column "${column.header}" of ${where} is mapped as ${column.role}, which needs ${required} values, not ${column.type}.`, fileName);
    }
  }
  if (isEventMapping(mapping)) return validateEventMapping(mapping, fileName);
  const byRole = (role: ColumnRole) => mapping.columns.filter((c) => c.role === role);
  const ids = byRole('accountId');
  if (ids.length === 0) throw new ImportError('no_account_id', `No column of ${where} is mapped as the account id.`, fileName);
  for (const role of ['accountId', 'accountName', 'snapshotDate', 'churnedFlag', 'churnDate', 'arr'] as const) {
    const cols = byRole(role);
    if (cols.length > 1) {
      throw new ImportError('invalid_mapping', `Only one column of ${where} can be the ${role}; ${cols.map((c) => `"${c.header}"`).join(' and ')} both are.`, fileName);
    }
  }
  if (mapping.kind !== 'snapshots' && byRole('snapshotDate').length > 0) {
    throw new ImportError('invalid_mapping', `${where} is read as ${mapping.kind === 'accounts' ? 'an accounts' : 'a churn events'} sheet, which has no snapshot date; read it as a snapshots sheet instead.`, fileName);
  }
  if (mapping.kind === 'churnEvents' && byRole('churnDate').length === 0 && byRole('churnedFlag').length === 0) {
    throw new ImportError('nothing_mapped', `${where} is read as churn events but no column is mapped as the churn date.`, fileName);
  }
  const useful = mapping.columns.filter((c) => c.role !== 'ignore' && c.role !== 'accountId' && c.role !== 'accountName' && c.role !== 'snapshotDate');
  // A list of ids with names is a valid accounts sheet; ids alone, or dates alone, import nothing.
  if (useful.length === 0 && (mapping.kind !== 'accounts' || byRole('accountName').length === 0)) {
    throw new ImportError('nothing_mapped', `The mapping for ${where} maps only the account id: map at least one metric, attribute or churn column.`, fileName);
  }
  const names = new Map<string, string>();
  for (const c of mapping.columns) {
    if (c.role !== 'attribute' && c.role !== 'metric') continue;
    const key = `${c.role}:${(c.name ?? c.header).toLowerCase()}`;
    if (names.has(key)) {
      throw new ImportError('invalid_mapping', `Two ${c.role}s of ${where} would both be named "${c.name ?? c.header}" ("${names.get(key)}" and "${c.header}").`, fileName);
    }
    names.set(key, c.header);
  }
}
