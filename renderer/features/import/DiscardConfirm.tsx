// "Discard this import?": asked when Escape or Close would throw work away.

import { useEffect, useId, useRef } from 'react';
import { discardImport } from './importFlow';
import { useImportStore } from './importStore';

export function DiscardConfirm() {
  const titleId = useId();
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const running = useImportStore((s) => ['uploading', 'analysing', 'importing', 'decision'].includes(s.step.name));

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    keepRef.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="import-confirm-layer">
      <div className="import-confirm" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
        <h3 id={titleId} className="import-confirm__title">
          Discard this import?
        </h3>
        <p id={textId} className="import-confirm__text">
          {running ? 'The running import is stopped and nothing is written. ' : ''}
          The chosen files and your column choices will be lost.
        </p>
        <div className="import-actions">
          <button ref={keepRef} type="button" className="button" onClick={() => useImportStore.getState().setConfirmingDiscard(false)}>
            Keep working
          </button>
          <button type="button" className="button button--primary" onClick={discardImport}>
            Discard
          </button>
        </div>
      </div>
    </div>
  );
}
