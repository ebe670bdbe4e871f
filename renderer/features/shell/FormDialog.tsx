// A small modal form: title, hint, the caller's fields, Cancel and a submit button. Escape and a
// click on the backdrop cancel, Tab stays inside, the first field has focus on opening, and focus
// goes back where it was on closing.

import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { trapTab } from './focusTrap';

interface FormDialogProps {
  title: string;
  hint: string;
  submitLabel: string;
  /** The submit button's label while `busy`. */
  busyLabel: string;
  busy: boolean;
  /** False while a required field is empty: the submit button is disabled and Enter does nothing. */
  canSubmit: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

export function FormDialog({ title, hint, submitLabel, busyLabel, busy, canSubmit, onSubmit, onCancel, children }: FormDialogProps) {
  const titleId = useId();
  const hintId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialogRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => previous?.focus?.();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && canSubmit) onSubmit();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (dialogRef.current) trapTab(event, dialogRef.current);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div ref={dialogRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={hintId} onKeyDown={onKeyDown}>
        <form onSubmit={submit}>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <p id={hintId} className="dialog__hint">
            {hint}
          </p>
          {children}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || !canSubmit}>
              {busy ? busyLabel : submitLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
