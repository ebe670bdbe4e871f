// Step 1: the files of this import, chosen with the file picker or dropped on the zone (or
// anywhere on the window). Several files make one import, joined by account id.

import { useId, useRef, useState, type DragEvent } from 'react';
import { formatBytes } from './importFormat';
import { ACCEPTED_EXTENSIONS, hasAcceptedExtension } from './fileSource';
import { analyseFiles } from './importFlow';
import { SheetIcon, UploadIcon } from './importIcons';
import { useImportStore } from './importStore';
import { useFocusOnMount } from './useFocusOnMount';

export function ChooseFilesStep() {
  const files = useImportStore((s) => s.files);
  const { addFiles, removeFile } = useImportStore.getState();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    addFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <section className="import-step" aria-labelledby={`${hintId}-title`}>
      <div className="import-step__content">
        <h3 id={`${hintId}-title`} ref={headingRef} tabIndex={-1} className="import-step__title">
          Choose the files to import
        </h3>
        <p id={hintId} className="import-step__hint">
          Several files make one import — for example an accounts sheet, a snapshots sheet and a churn-events sheet, joined by
          account id.
        </p>
        <div
          className={`drop-zone${over ? ' is-over' : ''}`}
          data-testid="import-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <UploadIcon className="drop-zone__icon" width={24} height={24} />
          <p className="drop-zone__text">Drop {ACCEPTED_EXTENSIONS.join(', ')} files here</p>
          <button type="button" className="button" aria-describedby={hintId} onClick={() => inputRef.current?.click()}>
            Choose files…
          </button>
          <input
            ref={inputRef}
            className="import-visually-hidden"
            type="file"
            multiple
            accept={ACCEPTED_EXTENSIONS.join(',')}
            tabIndex={-1}
            aria-label="Files to import"
            data-testid="import-file-input"
            onChange={(e) => {
              addFiles(Array.from(e.target.files ?? []));
              // Choosing the same file again (after removing it) must fire change again.
              e.target.value = '';
            }}
          />
        </div>
        {files.length > 0 ? (
          <ul className="file-list" aria-label="Chosen files">
            {files.map((file, i) => (
              <li key={`${file.name}:${file.size}:${file.lastModified}`} className="file-list__item" data-testid="chosen-file">
                <SheetIcon className="file-list__icon" />
                <span className="file-list__name">{file.name}</span>
                <span className="file-list__size">{formatBytes(file.size)}</span>
                {!hasAcceptedExtension(file.name) ? (
                  <span className="file-list__warning">Not a {ACCEPTED_EXTENSIONS.join('/')} file: the analysis will check it</span>
                ) : null}
                <button type="button" className="button button--small button--ghost" aria-label={`Remove ${file.name}`} onClick={() => removeFile(i)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <footer className="import-step__actions">
        <span className="import-step__status">{files.length === 0 ? 'No files chosen yet.' : null}</span>
        <button type="button" className="button button--primary" disabled={files.length === 0} onClick={() => void analyseFiles()}>
          {files.length > 1 ? `Analyse ${files.length} files` : 'Analyse file'}
        </button>
      </footer>
    </section>
  );
}
