// The import is written: what the workspace received. The workspace behind the dialog has already
// been reloaded.

import { useId } from 'react';
import { formatInteger } from '../../lib/format';
import { discardImport } from './importFlow';
import type { ImportStep } from './importStore';
import { snapshotsText } from './reportWording';
import { ReportWarnings } from './ReportWarnings';
import { useFocusOnMount } from './useFocusOnMount';

type DoneStepState = Extract<ImportStep, { name: 'done' }>;

export function DoneStep({ step }: { step: DoneStepState }) {
  const { report } = step;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();
  return (
    <section className="import-step" aria-labelledby={titleId} data-testid="import-done">
      <div className="import-step__content">
        <h3 id={titleId} ref={headingRef} tabIndex={-1} className="import-step__title">
          Import complete
        </h3>
        {report ? (
          <>
            <dl className="import-summary">
              <div className="import-summary__item">
                <dt>Accounts</dt>
                <dd data-testid="imported-accounts">{formatInteger(report.accountCount)}</dd>
              </div>
              <div className="import-summary__item">
                <dt>Snapshots</dt>
                <dd>{snapshotsText(report.snapshotDates)}</dd>
              </div>
              <div className="import-summary__item">
                <dt>Churned</dt>
                <dd>
                  {formatInteger(report.churnedCount)}
                  {report.churnedCount > 0 ? <span className="import-summary__aside">{formatInteger(report.churnDatesKnown)} with a date</span> : null}
                </dd>
              </div>
              <div className="import-summary__item">
                <dt>Warnings</dt>
                <dd>{formatInteger(report.warnings.length)}</dd>
              </div>
            </dl>
            <ul className="import-sheets">
              {report.sheets.map((sheet, i) => (
                <li key={i}>
                  <strong>{sheet.file}</strong>: {formatInteger(sheet.rowsImported)} of {formatInteger(sheet.rowsRead)} rows imported
                  {sheet.rowsSkipped > 0 ? `, ${formatInteger(sheet.rowsSkipped)} skipped` : ''}
                </li>
              ))}
            </ul>
            <ReportWarnings warnings={report.warnings} />
          </>
        ) : (
          <p className="import-step__hint">The data was written to the workspace.</p>
        )}
      </div>
      <footer className="import-step__actions">
        <button type="button" className="button button--primary" onClick={discardImport}>
          Close
        </button>
      </footer>
    </section>
  );
}
