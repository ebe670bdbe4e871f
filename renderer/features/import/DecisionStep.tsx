// The import stopped before writing because something needs a yes or no: rows with problems
// (listed; they are left out if the import goes on) and snapshot dates the workspace already has
// (replaced if it goes on). Abort leaves the workspace as it was.

import { useId } from 'react';
import { formatCount, formatInteger } from '../../lib/format';
import { resolveDecision } from './importFlow';
import type { ImportStep } from './importStore';
import { ProblemTable } from './ProblemTable';
import { commitLabel, rowsToSkip, snapshotsText } from './reportWording';
import { ReportWarnings } from './ReportWarnings';
import { useFocusOnMount } from './useFocusOnMount';

type DecisionStepState = Extract<ImportStep, { name: 'decision' }>;

export function DecisionStep({ step }: { step: DecisionStepState }) {
  const { report, decision, resolving } = step;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();
  const dates = decision.existingSnapshotDates;

  return (
    <section className="import-step" aria-labelledby={titleId} data-testid="import-decision">
      <div className="import-step__content">
        <h3 id={titleId} ref={headingRef} tabIndex={-1} className="import-step__title">
          Check before importing
        </h3>
        {report ? (
          <p className="import-step__hint">
            Ready to import {formatCount(report.accountCount, 'account')}, {snapshotsText(report.snapshotDates)} and {formatInteger(report.churnedCount)} churned.
            Nothing is written until you decide.
          </p>
        ) : null}
        {decision.rowProblems > 0 ? (
          <section className="report-section" aria-label="Row problems">
            <h4 className="report-section__title" data-testid="problem-count">
              {formatCount(report?.problemCount ?? decision.rowProblems, 'row problem')} in {formatCount(rowsToSkip(report, decision), 'row')}
            </h4>
            <p className="import-step__hint">These rows are left out if you import.</p>
            {report && report.problems.length > 0 ? <ProblemTable problems={report.problems} total={report.problemCount} /> : null}
          </section>
        ) : null}
        {dates.length > 0 ? (
          <section className="report-section" aria-label="Existing snapshots">
            <h4 className="report-section__title">
              The workspace already has {dates.length === 1 ? `a snapshot dated ${dates[0]}` : `snapshots dated ${dates.join(', ')}`}
            </h4>
            <p className="import-step__hint">Importing replaces {dates.length === 1 ? 'it' : 'them'} with the rows of these files.</p>
          </section>
        ) : null}
        {report ? <ReportWarnings warnings={report.warnings} /> : null}
      </div>
      <footer className="import-step__actions">
        <button type="button" className="button" disabled={resolving} onClick={() => void resolveDecision('abort')}>
          Abort
        </button>
        <button type="button" className="button button--primary" disabled={resolving} onClick={() => void resolveDecision('commit')}>
          {commitLabel(report, decision)}
        </button>
      </footer>
    </section>
  );
}
