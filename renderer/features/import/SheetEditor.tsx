// One analysed sheet: which sheets of the workbook, what kind of sheet it is, the number format,
// the open questions, what still blocks it, and the column table with a preview.

import type { SheetAnalysis } from '../../../shared/api';
import { IMPORT_SHEET_KINDS, type ImportSheetKind } from '../../../shared/import/mapping';
import { formatCount } from '../../lib/format';
import { KIND_LABELS } from './importFormat';
import { useImportStore } from './importStore';
import { EventsEditor } from './EventsEditor';
import { setKindWithEvents } from './eventsDraft';
import { draftFromAnalysis, setDecimalComma, type SheetDraft } from './mappingDraft';
import type { SheetState } from './MappingStep';
import { MappingTable } from './MappingTable';
import { QuestionList } from './QuestionList';
import { WorkbookSheets } from './WorkbookSheets';

interface SheetEditorProps {
  index: number;
  analysis: SheetAnalysis;
  draft: SheetDraft;
  state: SheetState;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function readAs(analysis: SheetAnalysis): string {
  const parts = [formatCount(analysis.rowCount, 'row'), formatCount(analysis.headers.length, 'column')];
  if (analysis.encoding) parts.push(analysis.encoding.toUpperCase());
  if (analysis.delimiter) parts.push(`${DELIMITER_NAMES[analysis.delimiter] ?? analysis.delimiter}-separated`);
  return parts.join(' · ');
}

export function SheetEditor({ index, analysis, draft, state }: SheetEditorProps) {
  const update = (change: (d: SheetDraft) => SheetDraft) => useImportStore.getState().updateDraft(index, change);
  const reset = (prefer: 'saved' | 'guess') => useImportStore.getState().replaceDraft(index, draftFromAnalysis(analysis, prefer));

  return (
    <div className="sheet-editor" data-testid="sheet-editor" data-file={analysis.source.fileName}>
      <p className="sheet-editor__meta">
        <strong>{analysis.source.fileName}</strong> · {readAs(analysis)}
      </p>
      <WorkbookSheets index={index} analysis={analysis} />
      <div className="sheet-editor__controls">
        <label className="inline-field">
          <span className="field__label">This sheet holds</span>
          <select className="select" value={draft.kind} onChange={(e) => update((d) => setKindWithEvents(d, e.target.value as ImportSheetKind))}>
            {IMPORT_SHEET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={draft.decimalComma} onChange={(e) => update((d) => setDecimalComma(d, e.target.checked))} />
          Numbers use a decimal comma (1.234,5)
        </label>
      </div>
      {draft.origin === 'saved' ? (
        <p className="sheet-editor__origin" data-testid="saved-mapping-note">
          Using the mapping saved for these columns.
          <button type="button" className="link-button" onClick={() => reset('guess')}>
            Use the suggested mapping instead
          </button>
        </p>
      ) : analysis.savedMapping ? (
        <p className="sheet-editor__origin">
          Using the suggested mapping.
          <button type="button" className="link-button" onClick={() => reset('saved')}>
            Use the mapping saved for these columns
          </button>
        </p>
      ) : null}
      <QuestionList index={index} analysis={analysis} questions={state.questions} />
      {state.check.problems.length > 0 ? (
        <ul className="mapping-problems" aria-label="Problems with this mapping" data-testid="mapping-problems">
          {state.check.problems.map((problem) => (
            <li key={problem} className="mapping-problems__item">
              {problem}
            </li>
          ))}
        </ul>
      ) : null}
      {draft.kind === 'events' ? <EventsEditor index={index} draft={draft} /> : null}
      <MappingTable index={index} analysis={analysis} draft={draft} />
    </div>
  );
}
