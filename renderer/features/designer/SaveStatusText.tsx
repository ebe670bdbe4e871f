// "Saved", "Saving…", "Unsaved changes", or why the draft could not be saved.

import type { SaveStatus } from './autosave';

// One formatter for the app's life: toLocaleTimeString builds a new one per call, on every render.
const clock = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' });

function timeOf(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : ` at ${clock.format(d)}`;
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const text = {
    saved: `Saved${timeOf(status.savedAt)}`,
    pending: 'Unsaved changes',
    saving: 'Saving…',
    invalid: `Not saved: ${status.message ?? 'the draft is not valid'}`,
    error: `Saving failed: ${status.message ?? 'unknown error'}`,
  }[status.state];
  return (
    <p className={`save-status save-status--${status.state}`} role="status" data-testid="save-status" data-state={status.state} title={text}>
      {text}
    </p>
  );
}
