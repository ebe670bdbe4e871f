// Which mapping `healthscore import` uses for each file: one from the --mapping file that fits its
// headers, else the mapping saved by an earlier import of the same headers, else the guess, but only
// when the guess has no open questions (an ambiguous date order is asked, never guessed).

import fs from 'node:fs';
import type { SheetAnalysis } from '../../shared/api';
import { type ImportMapping, type SavedMapping, applySavedMapping, findSavedMapping, parseSavedMapping } from '../../shared/import';

export type MappingOrigin = 'mapping file' | 'saved' | 'guessed';

export interface ChosenMapping {
  mapping: ImportMapping;
  origin: MappingOrigin;
}

/** A mapping file as the app saves it: one saved mapping, or an array of them. */
export function readMappingFile(file: string): SavedMapping[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read the mapping file "${file}": ${(err as Error).message}`);
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) throw new Error(`The mapping file "${file}" holds no mapping.`);
  return items.map((item, i) => parseSavedMapping(item, items.length > 1 ? `"${file}" (mapping ${i + 1})` : `"${file}"`));
}

/** The mapping for each analysed sheet; throws listing every open question when some cannot be chosen. */
export function chooseMappings(analysis: readonly SheetAnalysis[], fromFile: readonly SavedMapping[]): ChosenMapping[] {
  const questions: string[] = [];
  const chosen = analysis.map((sheet): ChosenMapping => {
    const given = findSavedMapping(fromFile, sheet.headers);
    if (given) return { mapping: applySavedMapping(given, sheet.headers), origin: 'mapping file' };
    if (sheet.savedMapping) return { mapping: sheet.savedMapping, origin: 'saved' };
    const where = sheet.source.sheet === undefined ? `"${sheet.source.fileName}"` : `"${sheet.source.fileName}" sheet "${sheet.source.sheet}"`;
    for (const d of sheet.guess.decisions) questions.push(`  ${where}: ${d.message}`);
    return { mapping: { kind: sheet.guess.kind, columns: sheet.guess.columns }, origin: 'guessed' };
  });
  if (questions.length > 0) {
    throw new Error(
      `the column mapping needs answers that a guess cannot give:\n${questions.join('\n')}\n` +
        'Write the mapping as JSON (docs/import-mapping-format.md; the app saves this format) and pass it with --mapping FILE.',
    );
  }
  return chosen;
}
