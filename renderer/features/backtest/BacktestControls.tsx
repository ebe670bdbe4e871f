// The back-test's question: as of which snapshot T, over which horizon H, counting overridden
// accounts or not, and for all accounts or one segment.

import { useState } from 'react';
import { isoToEpochDay } from '../../../shared/dates';
import { setControls, setView } from './backtestSession';
import { useBacktestStore } from './backtestStore';
import { HORIZON_PRESETS, parseHorizonDays } from './controlDefaults';

export function BacktestControls() {
  const controls = useBacktestStore((s) => s.controls);
  const dates = useBacktestStore((s) => s.snapshotDates);
  const views = useBacktestStore((s) => s.result?.views);
  const viewIndex = useBacktestStore((s) => s.viewIndex);
  const [customText, setCustomText] = useState('');
  const [customOpen, setCustomOpen] = useState(false);
  if (!controls) return null;

  const isPreset = (HORIZON_PRESETS as readonly number[]).includes(controls.horizonDays);
  const last = isoToEpochDay(dates[dates.length - 1]);
  const customValue = parseHorizonDays(customText);
  const applyCustom = () => {
    if (customValue !== null) void setControls({ horizonDays: customValue });
  };

  return (
    <div className="backtest-controls" role="group" aria-label="Back-test settings">
      <label className="inline-field">
        <span className="inline-field__label">As of</span>
        <select className="select" aria-label="As-of date" value={controls.asOf} onChange={(e) => void setControls({ asOf: e.target.value })} data-testid="backtest-as-of">
          {dates.map((d) => (
            <option key={d} value={d}>
              {isoToEpochDay(d) + controls.horizonDays > last ? `${d} · past the data` : d}
            </option>
          ))}
        </select>
      </label>
      <div className="inline-field">
        <span className="inline-field__label" id="backtest-horizon-label">
          Horizon
        </span>
        <div className="segmented" role="group" aria-labelledby="backtest-horizon-label">
          {HORIZON_PRESETS.map((days) => (
            <button
              key={days}
              type="button"
              className="segmented__option"
              aria-pressed={!customOpen && controls.horizonDays === days}
              onClick={() => {
                setCustomOpen(false);
                void setControls({ horizonDays: days });
              }}
            >
              {days} d
            </button>
          ))}
          <button type="button" className="segmented__option" aria-pressed={customOpen || !isPreset} onClick={() => setCustomOpen(true)}>
            {isPreset ? 'Custom' : `${controls.horizonDays} d`}
          </button>
        </div>
        {customOpen ? (
          <form
            className="backtest-controls__custom"
            onSubmit={(e) => {
              e.preventDefault();
              applyCustom();
            }}
          >
            <input
              className="input input--number backtest-controls__days"
              aria-label="Custom horizon in days"
              aria-invalid={customText !== '' && customValue === null}
              inputMode="numeric"
              placeholder="days"
              value={customText}
              onChange={(e) => setCustomText(e.target.value)}
              onBlur={applyCustom}
            />
          </form>
        ) : null}
      </div>
      <label className="inline-field backtest-controls__toggle">
        <input type="checkbox" checked={controls.includeOverrides} onChange={(e) => void setControls({ includeOverrides: e.target.checked })} />
        <span className="inline-field__label">Count overridden accounts</span>
      </label>
      {views ? (
        <label className="inline-field">
          <span className="inline-field__label">Show</span>
          <select className="select" aria-label="Segment" value={viewIndex} onChange={(e) => setView(Number(e.target.value))} data-testid="backtest-view">
            {views.map((v, i) => (
              <option key={i} value={i}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
