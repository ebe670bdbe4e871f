// "Open workspace…" / "New workspace…": a small modal asking for a file path (the desktop app may
// offer a native file dialog later). It closes when the workspace opened; on failure the error
// banner says why and the dialog stays so the path can be corrected.

import { useState } from 'react';
import { FormDialog } from '../shell/FormDialog';
import { TextField } from '../shell/TextField';
import { useWorkspaceStore, type PathDialogKind } from './workspaceStore';

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
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const busy = useWorkspaceStore((s) => s.busy);
  const { openPath, createAt, closePathDialog } = useWorkspaceStore.getState();

  const submit = () => {
    const trimmed = path.trim();
    if (kind === 'open') void openPath(trimmed);
    else void createAt(trimmed, name.trim() || undefined);
  };

  return (
    <FormDialog
      title={copy.title}
      hint={copy.hint}
      submitLabel={copy.submit}
      busyLabel="Working…"
      busy={busy}
      canSubmit={path.trim() !== ''}
      onSubmit={submit}
      onCancel={closePathDialog}
    >
      <TextField
        label="File path"
        mono
        value={path}
        onChange={setPath}
        placeholder={copy.placeholder}
        spellCheck={false}
        autoComplete="off"
        maxLength={4096}
        required
      />
      {kind === 'create' ? <TextField label="Name (optional)" value={name} onChange={setName} placeholder="e.g. FY26 scorecards" maxLength={200} /> : null}
    </FormDialog>
  );
}
