// Step 2: what each column means, sheet by sheet (a tab per analysed file or workbook sheet). Continue stays
// disabled until every sheet's questions are answered and its mapping is valid.

import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { SheetAnalysis } from '../../../shared/api';
import { formatCount } from '../../lib/format';
import { startImport } from './importFlow';
import { useImportStore } from './importStore';
import { linksOfOtherSheets } from './eventsDraft';
import { checkSheet, type SheetCheck } from './mappingChecks';
import { SheetEditor } from './SheetEditor';
import { sheetOf } from './sheetSources';
import { sheetQuestions, type SheetQuestion } from './sheetQuestions';
import { useFocusOnMount } from './useFocusOnMount';

export interface SheetState {
  questions: SheetQuestion[];
  check: SheetCheck;
}

/** "book.xlsx · Snapshots" for a workbook of several sheets, the file name alone otherwise. */
function sheetLabel(analysis: SheetAnalysis): string {
  const sheet = analysis.sheetNames.length > 1 ? sheetOf(analysis) : analysis.source.sheet;
  return sheet ? `${analysis.source.fileName} · ${sheet}` : analysis.source.fileName;
}

/** "Answer 2 questions and fix 1 problem before importing." */
function blockingSummary(states: readonly SheetState[]): string | null {
  const questions = states.reduce((n, s) => n + s.check.openQuestions, 0);
  const problems = states.reduce((n, s) => n + s.check.problems.length, 0);
  if (questions === 0 && problems === 0) return null;
  const parts = [questions > 0 ? `answer ${formatCount(questions, 'question')}` : null, problems > 0 ? `fix ${formatCount(problems, 'problem')}` : null];
  const text = parts.filter(Boolean).join(' and ');
  return `${text[0].toUpperCase()}${text.slice(1)} before importing.`;
}

export function MappingStep() {
  const analyses = useImportStore((s) => s.analyses);
  const drafts = useImportStore((s) => s.drafts);
  const active = useImportStore((s) => s.activeSheet);
  const { setActiveSheet, setStep } = useImportStore.getState();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const idBase = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const states = useMemo(
    () =>
      analyses.map((analysis, i): SheetState => {
        const questions = sheetQuestions(analysis, drafts[i]);
        return { questions, check: checkSheet(analysis, drafts[i], questions, linksOfOtherSheets(drafts, i)) };
      }),
    [analyses, drafts],
  );
  const summary = blockingSummary(states);
  const analysis = analyses[active];

  const onTabKey = (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (active + delta + analyses.length) % analyses.length;
    setActiveSheet(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="import-step" aria-labelledby={`${idBase}-title`}>
      <div className="import-step__content import-mapping">
        <h3 id={`${idBase}-title`} ref={headingRef} tabIndex={-1} className="import-step__title">
          What each column means
        </h3>
        {analyses.length > 1 ? (
          <div className="sheet-tabs" role="tablist" aria-label="Analysed sheets" onKeyDown={onTabKey}>
            {analyses.map((a, i) => {
              const open = states[i].check.openQuestions + states[i].check.problems.length;
              return (
                <button
                  key={`${a.source.fileName}:${i}`}
                  ref={(el) => {
                    tabRefs.current[i] = el;
                  }}
                  type="button"
                  role="tab"
                  id={`${idBase}-tab-${i}`}
                  aria-selected={i === active}
                  aria-controls={`${idBase}-panel`}
                  tabIndex={i === active ? 0 : -1}
                  className="sheet-tab"
                  onClick={() => setActiveSheet(i)}
                >
                  {sheetLabel(a)}
                  <span className={`sheet-tab__badge${open > 0 ? ' is-open' : ''}`}>{open > 0 ? `${open} to fix` : 'Ready'}</span>
                </button>
              );
            })}
          </div>
        ) : null}
        {analysis ? (
          <div id={`${idBase}-panel`} role={analyses.length > 1 ? 'tabpanel' : undefined} aria-labelledby={analyses.length > 1 ? `${idBase}-tab-${active}` : undefined}>
            <SheetEditor key={`${active}:${sheetLabel(analysis)}`} index={active} analysis={analysis} draft={drafts[active]} state={states[active]} />
          </div>
        ) : null}
      </div>
      <footer className="import-step__actions">
        <span className="import-step__status" aria-live="polite" data-testid="mapping-status">
          {summary}
        </span>
        <button type="button" className="button" onClick={() => setStep({ name: 'choose' }, null)}>
          Back
        </button>
        <button type="button" className="button button--primary" disabled={summary !== null} onClick={() => void startImport()}>
          Continue
        </button>
      </footer>
    </section>
  );
}
