// "1 Files · 2 Columns · 3 Import": where the flow is.

import type { StepName } from './importStore';

const STAGES = [
  { label: 'Files', steps: ['choose', 'uploading', 'analysing', 'analysisFailed'] },
  { label: 'Columns', steps: ['mapping'] },
  { label: 'Import', steps: ['importing', 'decision', 'importFailed', 'done'] },
] satisfies { label: string; steps: StepName[] }[];

export function StepIndicator({ step }: { step: StepName }) {
  const at = STAGES.findIndex((s) => (s.steps as StepName[]).includes(step));
  return (
    <ol className="import-stages" aria-label="Import steps">
      {STAGES.map((stage, i) => (
        <li key={stage.label} className={`import-stages__item${i === at ? ' is-current' : i < at ? ' is-done' : ''}`} aria-current={i === at ? 'step' : undefined}>
          <span className="import-stages__number" aria-hidden="true">
            {i + 1}
          </span>
          {stage.label}
        </li>
      ))}
    </ol>
  );
}
