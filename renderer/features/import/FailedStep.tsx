// A file that cannot be read, or an import that failed: the message (it names file, row and
// column) in place, and the ways on. Nothing chosen or answered so far is thrown away.

import { useId } from 'react';
import { useImportStore, type ImportStep } from './importStore';
import { useFocusOnMount } from './useFocusOnMount';

type FailedStepName = Extract<ImportStep, { name: 'analysisFailed' | 'importFailed' }>;

export function FailedStep({ step }: { step: FailedStepName }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();
  const hasMapping = useImportStore((s) => s.analyses.length > 0);
  const { setStep } = useImportStore.getState();
  const analysis = step.name === 'analysisFailed';
  return (
    <section className="import-step" aria-labelledby={titleId}>
      <div className="import-step__content">
        <h3 id={titleId} ref={headingRef} tabIndex={-1} className="import-step__title">
          {analysis ? 'The file could not be read' : 'The import failed'}
        </h3>
        <p className="import-error" role="alert" data-testid="import-error">
          {step.message}
        </p>
        <p className="import-step__hint">
          {analysis ? 'Fix the file or choose another one; the other chosen files are kept.' : 'The workspace is unchanged. Adjust the columns and try again.'}
        </p>
      </div>
      <footer className="import-step__actions">
        <button type="button" className={`button${analysis ? ' button--primary' : ''}`} onClick={() => setStep({ name: 'choose' }, null)}>
          Choose another file
        </button>
        {hasMapping ? (
          <button type="button" className={`button${analysis ? '' : ' button--primary'}`} onClick={() => setStep({ name: 'mapping' }, null)}>
            Back to columns
          </button>
        ) : null}
      </footer>
    </section>
  );
}
