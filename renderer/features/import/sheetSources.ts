// Which sheets of which files one import reads. A workbook may take part with several of its sheets
// (accounts on one, snapshots on another), each its own ImportSource, analysis and draft. These pure
// functions add and remove such sheets and carry the user's drafts over a re-analysis.

import type { ImportSource, SheetAnalysis } from '../../../shared/api';
import { draftFromAnalysis, type SheetDraft } from './mappingDraft';

/** The file a source reads (one upload or one path), whatever its sheet. */
function fileKey(source: ImportSource): string {
  return source.uploadId !== undefined ? `upload:${source.uploadId}` : `path:${source.path ?? source.fileName}`;
}

export function sameFile(a: ImportSource, b: ImportSource): boolean {
  return fileKey(a) === fileKey(b);
}

/** The sheet an analysis read: the one asked for, else the workbook's first (undefined for text files). */
export function sheetOf(analysis: SheetAnalysis): string | undefined {
  return analysis.source.sheet ?? analysis.sheetNames[0];
}

/** Sheets of this analysis's workbook that no sheet of the import reads yet. */
export function unusedSheets(analyses: readonly SheetAnalysis[], index: number): string[] {
  const analysis = analyses[index];
  const used = new Set(analyses.filter((a) => sameFile(a.source, analysis.source)).map(sheetOf));
  return analysis.sheetNames.filter((name) => !used.has(name));
}

/** How many sheets of the import read the same file as sheet `index`. */
export function sheetsOfSameFile(analyses: readonly SheetAnalysis[], index: number): number {
  return analyses.filter((a) => sameFile(a.source, analyses[index].source)).length;
}

/**
 * The sources (one per analysis, same order) with `sheet` of the workbook of sheet `index` added
 * right after that workbook's last sheet. Sheet `index` names its own sheet from now on, so the two
 * are told apart. Answers the sources and the position of the new one.
 */
export function withAddedSheet(
  sources: readonly ImportSource[],
  analyses: readonly SheetAnalysis[],
  index: number,
  sheet: string,
): { sources: ImportSource[]; added: number } {
  const base = sources[index];
  const next = sources.map((s, i) => (i === index ? { ...s, sheet: sheetOf(analyses[i]) ?? sheet } : s));
  let last = index;
  sources.forEach((s, i) => {
    if (sameFile(s, base)) last = Math.max(last, i);
  });
  next.splice(last + 1, 0, { ...base, sheet });
  return { sources: next, added: last + 1 };
}

export function withoutSheet(sources: readonly ImportSource[], index: number): ImportSource[] {
  return sources.filter((_, i) => i !== index);
}

/**
 * The sources to analyse for the chosen files (one default source per file): a file that already
 * took part with sheets of its own keeps them, so going back to add a file does not drop them.
 */
export function keepChosenSheets(fileSources: readonly ImportSource[], before: readonly ImportSource[]): ImportSource[] {
  return fileSources.flatMap((source) => {
    const kept = before.filter((s) => s.sheet !== undefined && sameFile(s, source));
    return kept.length > 0 ? kept.map((s) => ({ ...source, sheet: s.sheet })) : [source];
  });
}

function sameSheet(a: SheetAnalysis, b: SheetAnalysis): boolean {
  return sameFile(a.source, b.source) && sheetOf(a) === sheetOf(b) && a.headers.join('\n') === b.headers.join('\n');
}

/** A draft per new analysis: the user's edits where the same sheet with the same columns was read before. */
export function carryDrafts(analyses: readonly SheetAnalysis[], before: readonly SheetAnalysis[], drafts: readonly SheetDraft[]): SheetDraft[] {
  const taken = new Set<number>();
  return analyses.map((analysis) => {
    const i = before.findIndex((old, j) => !taken.has(j) && drafts[j] !== undefined && sameSheet(old, analysis));
    if (i < 0) return draftFromAnalysis(analysis);
    taken.add(i);
    return drafts[i];
  });
}
