// One weight: a slider and a number box for the raw weight, its share of the segment's score, a
// lock (the share stays put while siblings move) and "not applicable". The slider is a native
// range input, so arrows, Page Up/Down and Home/End work and focus is visible.

import type { Weight } from '../../../shared/scorecard/types';
import { LockIcon } from '../shell/icons';
import { formatShare } from './shareFormat';
import { WeightNumberInput } from './WeightNumberInput';
import { numericWeight } from './weights';

interface WeightSliderRowProps {
  label: string;
  /** "Seat utilization (Enterprise)": the subject of every control's accessible name. */
  subject: string;
  weight: Weight;
  share: number;
  max: number;
  locked: boolean;
  kind: 'metric' | 'group';
  onMove(value: number, fromSlider: boolean): void;
  onToggleLock(): void;
  onToggleApplicable(applicable: boolean): void;
  onGestureStart(): void;
  /** Opens the metric's editor (metrics only). */
  onEdit?(): void;
}

export function WeightSliderRow(props: WeightSliderRowProps) {
  const { label, subject, weight, share, max, locked, kind, onMove, onToggleLock, onToggleApplicable, onGestureStart, onEdit } = props;
  const applicable = weight !== 'notApplicable';
  const value = numericWeight(weight);
  const name = `Weight of ${subject}`;
  return (
    <div className={`weight-row weight-row--${kind}${applicable ? '' : ' is-excluded'}`} data-testid="weight-row" data-weight-subject={subject}>
      {onEdit ? (
        <button type="button" className="weight-row__label weight-row__edit" title={`Edit how ${label} is scored`} aria-label={`Edit ${label}`} onClick={onEdit}>
          {label}
        </button>
      ) : (
        <span className="weight-row__label" title={label}>
          {label}
        </span>
      )}
      <input
        className="weight-slider"
        type="range"
        min={0}
        max={max}
        step={max / 200}
        value={Math.min(value, max)}
        aria-label={name}
        aria-valuetext={`${formatShare(share)} of the score`}
        disabled={locked || !applicable}
        onPointerDown={onGestureStart}
        onChange={(event) => onMove(event.target.valueAsNumber, true)}
      />
      <WeightNumberInput value={value} label={name} disabled={locked || !applicable} onCommit={(v) => onMove(v, false)} />
      <span className="weight-row__share" data-testid="weight-share">
        {formatShare(share)}
      </span>
      <button
        type="button"
        className="icon-button weight-row__lock"
        aria-pressed={locked}
        aria-label={`Lock weight of ${subject}`}
        title={locked ? 'Locked: keeps its share while others move' : 'Lock this share'}
        disabled={!applicable}
        onClick={onToggleLock}
      >
        <LockIcon locked={locked} />
      </button>
      <label className="weight-row__na" title="Not applicable in this segment">
        <input type="checkbox" checked={!applicable} aria-label={`Not applicable: ${subject}`} onChange={(e) => onToggleApplicable(!e.target.checked)} />
        <span aria-hidden="true">N/A</span>
      </label>
    </div>
  );
}
