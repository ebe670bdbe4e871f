// "Save version": a message for the version, then the draft (saved first) becomes a numbered
// version and the new baseline.

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useDesignerStore } from './designerStore';

export function SaveVersionDialog({ onClose }: { onClose(): void }) {
  const titleId = useId();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const saveVersion = useDesignerStore((s) => s.saveVersion);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    inputRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !message.trim()) return;
    setBusy(true);
    const saved = await saveVersion(message.trim());
    setBusy(false);
    if (saved) onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <form onSubmit={submit}>
          <h2 id={titleId} className="dialog__title">
            Save version
          </h2>
          <p className="dialog__hint">The draft is kept as a numbered version you can compare against and return to.</p>
          <label className="field">
            <span className="field__label">What changed</span>
            <input
              ref={inputRef}
              className="input"
              type="text"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              placeholder="e.g. More weight on seat utilization for Enterprise"
              maxLength={500}
              required
            />
          </label>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || !message.trim()}>
              {busy ? 'Saving…' : 'Save version'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
