// The import flow as a modal dialog over the app: choose files → analysis → columns → import →
// report or summary. Escape (or Close) leaves at once when nothing would be lost, else asks first.
// Focus stays inside while it is open and goes back where it was when it closes.

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CloseIcon } from '../shell/icons';
import { ChooseFilesStep } from './ChooseFilesStep';
import { DecisionStep } from './DecisionStep';
import { DiscardConfirm } from './DiscardConfirm';
import { DoneStep } from './DoneStep';
import { FailedStep } from './FailedStep';
import { requestClose } from './importFlow';
import { useImportStore, type ImportStep } from './importStore';
import { MappingStep } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { StepIndicator } from './StepIndicator';
import './import.css';
import './steps.css';
import './mapping.css';
import './report.css';
import { trapTab } from '../shell/focusTrap';

export function ImportView() {
  const open = useImportStore((s) => s.open);
  const dragActive = useImportStore((s) => s.dragActive);
  return (
    <>
      {dragActive && !open ? (
        <div className="import-drop-overlay" aria-hidden="true">
          <p className="import-drop-overlay__label">Drop files to import</p>
        </div>
      ) : null}
      {open ? <ImportDialog /> : null}
    </>
  );
}

function ImportDialog() {
  const step = useImportStore((s) => s.step);
  const notice = useImportStore((s) => s.notice);
  const confirming = useImportStore((s) => s.confirmingDiscard);
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  // Read during the first render, before any step takes the focus.
  const [returnFocus] = useState(() => document.activeElement as HTMLElement | null);
  // When the flow closes, the focus goes back to what opened it.
  useEffect(() => () => returnFocus?.focus?.(), [returnFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (confirming) useImportStore.getState().setConfirmingDiscard(false);
      else requestClose();
      return;
    }
    if (dialogRef.current) trapTab(event, dialogRef.current);
  };

  return (
    <div className="import-backdrop">
      <div
        ref={dialogRef}
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="import-dialog"
        data-step={step.name}
        onKeyDown={onKeyDown}
      >
        <header className="import-dialog__head">
          <h2 id={titleId} className="import-dialog__title">
            Import spreadsheets
          </h2>
          <StepIndicator step={step.name} />
          <button type="button" className="icon-button" aria-label="Close import" onClick={requestClose}>
            <CloseIcon />
          </button>
        </header>
        {notice ? (
          <p className="import-notice" role="status" data-testid="import-notice">
            {notice}
          </p>
        ) : null}
        <div className="import-dialog__body" inert={confirming || undefined}>
          <StepView key={step.name} step={step} />
        </div>
        {confirming ? <DiscardConfirm /> : null}
      </div>
    </div>
  );
}

function StepView({ step }: { step: ImportStep }) {
  switch (step.name) {
    case 'choose':
      return <ChooseFilesStep />;
    case 'uploading':
    case 'analysing':
    case 'importing':
      return <ProgressStep step={step} />;
    case 'analysisFailed':
    case 'importFailed':
      return <FailedStep step={step} />;
    case 'mapping':
      return <MappingStep />;
    case 'decision':
      return <DecisionStep step={step} />;
    case 'done':
      return <DoneStep step={step} />;
  }
}
