// Edits of an events sheet's `events` block in a draft (pure, like mappingDraft.ts): the date and
// end columns, the lookback in days, how rows reach their account (links), and the aggregations. Choosing "events" fills a first
// block from the columns: the first date column, and a count of rows.

import type { AccountVia, AggregationOp, EventAggregation, EventTableOptions } from '../../../shared/import/events/eventMapping';
import { OP_COLUMN_TYPES } from '../../../shared/import/events/eventMapping';
import type { ImportSheetKind } from '../../../shared/import/mapping';
import type { SheetDraft } from './mappingDraft';

function eventsOf(draft: SheetDraft): EventTableOptions {
  return draft.events ?? { date: '', aggregations: [] };
}

function withEvents(draft: SheetDraft, change: (e: EventTableOptions) => EventTableOptions): SheetDraft {
  return { ...draft, events: change(eventsOf(draft)) };
}

/** A new kind; becoming an events sheet, the non-id columns become ignored and a starting block is made. */
export function setKindWithEvents(draft: SheetDraft, kind: ImportSheetKind): SheetDraft {
  if (kind !== 'events' || draft.kind === 'events') return { ...draft, kind };
  const columns = draft.columns.map((c) => (c.role === 'accountId' || c.role === 'ignore' ? c : { ...c, role: 'ignore' as const }));
  const date = draft.events?.date || (columns.find((c) => c.type === 'date')?.header ?? '');
  const aggregations = draft.events?.aggregations.length ? draft.events.aggregations : [{ name: 'events_30d', op: 'count' as const }];
  return { ...draft, kind, columns, events: { ...draft.events, date, aggregations } };
}

export function setEventDate(draft: SheetDraft, header: string): SheetDraft {
  return withEvents(draft, (e) => ({ ...e, date: header }));
}

export function setLookbackDays(draft: SheetDraft, days: number | undefined): SheetDraft {
  return withEvents(draft, (e) => {
    const { lookbackDays: _dropped, ...rest } = e;
    return days === undefined ? rest : { ...rest, lookbackDays: days };
  });
}

/** Columns an op can read: those whose type it needs. */
export function columnsForOp(draft: SheetDraft, op: AggregationOp): string[] {
  const needs = OP_COLUMN_TYPES[op];
  return needs === null ? [] : draft.columns.filter((c) => c.type === needs).map((c) => c.header);
}

export function addAggregation(draft: SheetDraft): SheetDraft {
  return withEvents(draft, (e) => ({ ...e, aggregations: [...e.aggregations, { name: `events_${e.aggregations.length + 1}`, op: 'count' }] }));
}

export function removeAggregation(draft: SheetDraft, index: number): SheetDraft {
  return withEvents(draft, (e) => ({ ...e, aggregations: e.aggregations.filter((_, i) => i !== index) }));
}

/** Changes one aggregation; a new op keeps its column only when the column fits the op. */
export function updateAggregation(draft: SheetDraft, index: number, change: Partial<EventAggregation>): SheetDraft {
  return withEvents(draft, (e) => ({
    ...e,
    aggregations: e.aggregations.map((a, i) => {
      if (i !== index) return a;
      const next: EventAggregation = { ...a, ...change };
      const fits = columnsForOp(draft, next.op);
      if (fits.length === 0) delete next.column;
      else if (next.column === undefined || !fits.includes(next.column)) next.column = fits[0];
      return next;
    }),
  }));
}

/** The end date column of active ops; '' for none (every row then stays active from its date on). */
export function setEventEnd(draft: SheetDraft, header: string): SheetDraft {
  return withEvents(draft, (e) => {
    const { end: _dropped, ...rest } = e;
    return header === '' ? rest : { ...rest, end: header };
  });
}

/**
 * The rows reach their account through `column`, matched against `link` of another events sheet
 * (null: through this sheet's own account id column). A sheet with a link has no account id column,
 * so the one it had is ignored from now on.
 */
export function setAccountVia(draft: SheetDraft, via: AccountVia | null): SheetDraft {
  const next = withEvents(draft, (e) => {
    const { accountVia: _dropped, ...rest } = e;
    return via === null ? rest : { ...rest, accountVia: via };
  });
  if (via === null) return next;
  return { ...next, columns: next.columns.map((c) => (c.role === 'accountId' ? { ...c, role: 'ignore' as const } : c)) };
}

/** Lists (or no longer lists) a column whose values other events sheets may use to reach this sheet's accounts. */
export function setLink(draft: SheetDraft, header: string, listed: boolean): SheetDraft {
  return withEvents(draft, (e) => {
    const { links: before = [], ...rest } = e;
    const links = listed ? (before.includes(header) ? before : [...before, header]) : before.filter((h) => h !== header);
    return links.length === 0 ? rest : { ...rest, links };
  });
}

/** The links the other events sheets of the import list, each once, in order. */
export function linksOfOtherSheets(drafts: readonly SheetDraft[], except: number): string[] {
  const out: string[] = [];
  drafts.forEach((d, i) => {
    if (i === except || d.kind !== 'events') return;
    for (const link of d.events?.links ?? []) if (!out.includes(link)) out.push(link);
  });
  return out;
}
