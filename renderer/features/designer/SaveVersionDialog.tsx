// "Save version": a message for the version, then the draft (saved first) becomes a numbered
// version and the new baseline.

import { useState } from 'react';
import { FormDialog } from '../shell/FormDialog';
import { TextField } from '../shell/TextField';
import { useDesignerStore } from './designerStore';

export function SaveVersionDialog({ onClose }: { onClose(): void }) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const saveVersion = useDesignerStore((s) => s.saveVersion);

  const submit = async () => {
    setBusy(true);
    const saved = await saveVersion(message.trim());
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <FormDialog
      title="Save version"
      hint="The draft is kept as a numbered version you can compare against and return to."
      submitLabel="Save version"
      busyLabel="Saving…"
      busy={busy}
      canSubmit={message.trim() !== ''}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <TextField
        label="What changed"
        value={message}
        onChange={setMessage}
        placeholder="e.g. More weight on seat utilization for Enterprise"
        maxLength={500}
        required
      />
    </FormDialog>
  );
}
