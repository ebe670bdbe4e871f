// The questions a sheet's mapping must answer before it can be imported, derived from the guess's
// decisions and from the mapping as it is now (a column switched to a date type can raise one).
// Nothing here guesses: an unanswered question blocks Continue.

import type { SheetAnalysis } from '../../../shared/api';
import type { DateOrderCandidate } from '../../../shared/import/inferColumn';
import { createDateScan, scanDate } from '../../../shared/import/values/date';
import type { SheetDraft } from './mappingDraft';

/** One token read both ways, to show what each answer means. */
export interface DateSample {
  raw: string;
  mdy: number;
  dmy: number;
}

export type SheetQuestion =
  | { kind: 'dateOrder'; header: string; sample: DateSample | null; ranges: DateOrderCandidate[]; answer: 'mdy' | 'dmy' | null }
  | { kind: 'accountId'; message: string; candidates: string[]; answer: string | null }
  | { kind: 'repeatedIds'; header: string; dateColumns: string[]; answer: string | null | undefined };

/** A token of the column that reads as two different dates, from the examples or the preview. */
export function ambiguousSample(analysis: SheetAnalysis, header: string): DateSample | null {
  const index = analysis.headers.indexOf(header);
  const candidates = [...(analysis.profiles[index]?.examples ?? []), ...analysis.previewRows.map((row) => row[index] ?? '')];
  const scan = createDateScan();
  for (const raw of candidates) {
    if (raw && scanDate(raw, scan) && scan.kind === 'either') return { raw: raw.trim(), mdy: scan.mdy, dmy: scan.dmy };
  }
  return null;
}

function dateOrderQuestions(analysis: SheetAnalysis, draft: SheetDraft): SheetQuestion[] {
  const asked = new Set(analysis.guess.decisions.filter((d) => d.kind === 'dateOrder' && d.header !== null).map((d) => d.header as string));
  const out: SheetQuestion[] = [];
  draft.columns.forEach((column, i) => {
    const profile = analysis.profiles[i];
    const ambiguous = asked.has(column.header) || profile?.dateOrder === 'ambiguous';
    if (!ambiguous || column.type !== 'date' || column.role === 'ignore') return;
    const answer = column.dateOrder === 'mdy' || column.dateOrder === 'dmy' ? column.dateOrder : null;
    out.push({ kind: 'dateOrder', header: column.header, sample: ambiguousSample(analysis, column.header), ranges: profile?.dateOrderCandidates ?? [], answer });
  });
  return out;
}

export function sheetQuestions(analysis: SheetAnalysis, draft: SheetDraft): SheetQuestion[] {
  const questions: SheetQuestion[] = [];
  const idColumn = draft.columns.find((c) => c.role === 'accountId')?.header ?? null;
  for (const decision of analysis.guess.decisions) {
    if (decision.kind === 'accountId') {
      // An events sheet whose rows reach their account through a link column has no id to ask for.
      if (draft.kind === 'events' && draft.events?.accountVia) continue;
      const candidates = decision.candidates.length > 0 ? decision.candidates : analysis.headers;
      questions.push({ kind: 'accountId', message: decision.message, candidates, answer: idColumn });
    } else if (decision.kind === 'repeatedIds' && draft.kind !== 'events') {
      // (An events sheet is the answer to repeated ids: its rows are aggregated per account.)
      const dateColumns = analysis.headers.filter((_, i) => analysis.profiles[i]?.type === 'date');
      const dateColumn = draft.columns.find((c) => c.role === 'snapshotDate')?.header;
      // undefined: not answered; null: answered "no snapshot date".
      const answer = dateColumn ?? (draft.kind === 'accounts' ? null : undefined);
      questions.push({ kind: 'repeatedIds', header: decision.header ?? idColumn ?? '', dateColumns, answer });
    }
  }
  return [...questions, ...dateOrderQuestions(analysis, draft)];
}

export function isAnswered(question: SheetQuestion): boolean {
  return question.kind === 'repeatedIds' ? question.answer !== undefined : question.answer !== null;
}
