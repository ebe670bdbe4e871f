// "Save version": a message for the version, then the draft (saved first) becomes a numbered
// version and the new baseline.

import { useState } from 'react';
import { FormDialog } from '../shell/FormDialog';
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
      <label className="field">
        <span className="field__label">What changed</span>
        <input
          className="input"
          type="text"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder="e.g. More weight on seat utilization for Enterprise"
          maxLength={500}
          required
        />
      </label>
    </FormDialog>
  );
}
