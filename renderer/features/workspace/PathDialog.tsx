// "Open workspace…" / "New workspace…": a small modal asking for a file path (the desktop app may
// offer a native file dialog later). It closes when the workspace opened; on failure the error
// banner says why and the dialog stays so the path can be corrected.

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useWorkspaceStore, type PathDialogKind } from './workspaceStore';
import { trapTab } from '../shell/focusTrap';

const COPY: Record<PathDialogKind, { title: string; hint: string; submit: string; placeholder: string }> = {
  open: {
    title: 'Open workspace',
    hint: 'The full path of a workspace file on this computer.',
    submit: 'Open',
    placeholder: '/Users/you/Documents/customer-health.hsw',
  },
  create: {
    title: 'New workspace',
    hint: 'Where to create the workspace file. An existing file is never overwritten.',
    submit: 'Create',
    placeholder: '/Users/you/Documents/new-scorecards.hsw',
  },
};

export function PathDialog({ kind }: { kind: PathDialogKind }) {
  const copy = COPY[kind];
  const titleId = useId();
  const hintId = useId();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const busy = useWorkspaceStore((s) => s.busy);
  const { openPath, createAt, closePathDialog } = useWorkspaceStore.getState();
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    inputRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed || busy) return;
    if (kind === 'open') void openPath(trimmed);
    else void createAt(trimmed, name.trim() || undefined);
  };

  // Escape closes; Tab stays inside the dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closePathDialog();
      return;
    }
    if (dialogRef.current) trapTab(event, dialogRef.current);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closePathDialog()}>
      <div
        ref={dialogRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
      >
        <form onSubmit={submit}>
          <h2 id={titleId} className="dialog__title">
            {copy.title}
          </h2>
          <p id={hintId} className="dialog__hint">
            {copy.hint}
          </p>
          <label className="field">
            <span className="field__label">File path</span>
            <input
              ref={inputRef}
              className="input input--mono"
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder={copy.placeholder}
              spellCheck={false}
              autoComplete="off"
              maxLength={4096}
              required
            />
          </label>
          {kind === 'create' ? (
            <label className="field">
              <span className="field__label">Name (optional)</span>
              <input
                className="input"
                type="text"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="e.g. FY26 scorecards"
                maxLength={200}
              />
            </label>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={closePathDialog}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || path.trim() === ''}>
              {busy ? 'Working…' : copy.submit}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
