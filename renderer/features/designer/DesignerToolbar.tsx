// The designer's toolbar: undo/redo, autosave status, the baseline to compare with, scorecard file
// import/export, and "Save version".

import { memo, useRef, useState } from 'react';
import { RedoIcon, UndoIcon } from '../shell/icons';
import { useDesignerStore } from './designerStore';
import { SaveStatusText } from './SaveStatusText';
import { SaveVersionDialog } from './SaveVersionDialog';
import { exportScorecard, importScorecard } from './scorecardFiles';

const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = IS_MAC ? '⌘' : 'Ctrl+';

/** Memoised: it reads the store itself, so a new distribution does not re-render it. */
export const DesignerToolbar = memo(function DesignerToolbar() {
  const canUndo = useDesignerStore((s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useDesignerStore((s) => (s.history?.future.length ?? 0) > 0);
  const save = useDesignerStore((s) => s.save);
  const versions = useDesignerStore((s) => s.versions);
  const baselineVersion = useDesignerStore((s) => s.baselineVersion);
  const { undo, redo, chooseBaseline } = useDesignerStore.getState();
  const [saving, setSaving] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  return (
    <div className="toolbar designer-toolbar">
      <div className="button-group">
        <button type="button" className="button button--small" onClick={undo} disabled={!canUndo} title={`Undo (${MOD}Z)`}>
          <UndoIcon /> Undo
        </button>
        <button type="button" className="button button--small" onClick={redo} disabled={!canRedo} title={`Redo (${IS_MAC ? '⇧⌘Z' : 'Shift+Ctrl+Z'})`}>
          <RedoIcon /> Redo
        </button>
      </div>
      <SaveStatusText status={save} />
      <span className="toolbar__spacer" />
      <label className="inline-field">
        <span className="inline-field__label">Compare with</span>
        <select
          className="select"
          value={baselineVersion ?? ''}
          onChange={(e) => void chooseBaseline(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">No baseline</option>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version} · {v.message}
            </option>
          ))}
        </select>
      </label>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scorecard-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importScorecard(file);
        }}
      />
      <button type="button" className="button button--small" onClick={() => fileRef.current?.click()}>
        Import scorecard…
      </button>
      <button type="button" className="button button--small" onClick={() => void exportScorecard()}>
        Export scorecard
      </button>
      <button type="button" className="button button--small button--primary" onClick={() => setSaving(true)}>
        Save version…
      </button>
      {saving ? <SaveVersionDialog onClose={() => setSaving(false)} /> : null}
    </div>
  );
});
