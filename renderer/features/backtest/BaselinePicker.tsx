// Which scorecard the draft is compared with: a saved version, or a pinned copy of the draft (pin,
// keep editing, and see what the edits did).

import { chooseBaseline, pinDraft } from './baselineActions';
import { useBacktestStore } from './backtestStore';
import { refreshVersions, versionLabel } from './versionCache';

export function BaselinePicker() {
  const baseline = useBacktestStore((s) => s.baseline);
  const pinned = useBacktestStore((s) => s.pinned);
  const versions = useBacktestStore((s) => s.versions);
  return (
    <div className="backtest-baseline">
      <label className="inline-field">
        <span className="inline-field__label">Compare with</span>
        <select
          className="select"
          aria-label="Baseline"
          data-testid="backtest-baseline"
          value={baseline?.id ?? ''}
          onFocus={() => void refreshVersions()}
          onChange={(e) => void chooseBaseline(e.target.value || null)}
        >
          <option value="">No baseline</option>
          {pinned.length > 0 ? (
            <optgroup label="Pinned drafts">
              {pinned.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          {versions.length > 0 ? (
            <optgroup label="Saved versions">
              {versions.map((v) => (
                <option key={v.version} value={`version:${v.version}`}>
                  {versionLabel(v.version, v.message)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <button type="button" className="button button--small" onClick={() => pinDraft()} title="Keep a copy of the draft as it is now and compare later edits with it">
        Pin current draft
      </button>
    </div>
  );
}
