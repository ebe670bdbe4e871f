// Upload, analysis and import in progress: a bar, the rows read, the rate and the time left, and a
// Cancel that stops the job on the Node side.

import type { ImportProgress } from '../../../shared/api';
import { formatInteger } from '../../lib/format';
import { cancelRunning } from './importFlow';
import { PHASE_LABELS, formatBytes, formatEta, formatRate } from './importFormat';
import type { ImportStep } from './importStore';
import { useFocusOnMount } from './useFocusOnMount';

type ProgressStepName = Extract<ImportStep, { name: 'uploading' | 'analysing' | 'importing' }>;

interface ProgressView {
  title: string;
  phase: string;
  /** 0–1, or null while the total is unknown. */
  fraction: number | null;
  facts: string[];
}

function jobView(title: string, progress: ImportProgress | null): ProgressView {
  if (!progress) return { title, phase: 'Starting…', fraction: null, facts: [] };
  const facts = [`${formatInteger(progress.rows)} rows`];
  if (progress.rowsPerSecond > 0) facts.push(formatRate(progress.rowsPerSecond));
  const eta = formatEta(progress.etaSeconds);
  if (eta) facts.push(eta);
  const fraction = progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : null;
  return { title, phase: PHASE_LABELS[progress.phase], fraction, facts };
}

function viewOf(step: ProgressStepName): ProgressView {
  if (step.name === 'uploading') {
    const fraction = step.totalBytes > 0 ? step.sentBytes / step.totalBytes : null;
    return { title: 'Uploading', phase: `Sending ${step.fileName}`, fraction, facts: [`${formatBytes(step.sentBytes)} of ${formatBytes(step.totalBytes)}`] };
  }
  return jobView(step.name === 'analysing' ? 'Analysing the files' : 'Importing', step.progress);
}

export function ProgressStep({ step }: { step: ProgressStepName }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const view = viewOf(step);
  const percent = view.fraction === null ? null : Math.round(view.fraction * 100);
  return (
    <section className="import-step" aria-label={view.title} aria-busy="true">
      <div className="import-step__content import-progress">
        <h3 ref={headingRef} tabIndex={-1} className="import-step__title">
          {view.title}
        </h3>
        <p className="import-progress__phase" data-testid="import-phase">
          {view.phase}
        </p>
        <div
          className={`progress-bar${percent === null ? ' is-indeterminate' : ''}`}
          role="progressbar"
          aria-label={view.title}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
        >
          <div className="progress-bar__fill" style={percent === null ? undefined : { width: `${percent}%` }} />
        </div>
        <p className="import-progress__facts" data-testid="import-progress-facts">
          {percent !== null ? <span>{percent}%</span> : null}
          {view.facts.map((fact) => (
            <span key={fact}>{fact}</span>
          ))}
        </p>
      </div>
      <footer className="import-step__actions">
        <button type="button" className="button" onClick={() => void cancelRunning()}>
          Cancel
        </button>
      </footer>
    </section>
  );
}
