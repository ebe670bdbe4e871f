// Edits of an events sheet's `events` block in a draft (pure, like mappingDraft.ts): the date
// column, the lookback in days, and the list of aggregations. Choosing "events" fills a first
// block from the columns: the first date column, and a count of rows.

import type { AggregationOp, EventAggregation, EventTableOptions } from '../../../shared/import/events/eventMapping';
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
