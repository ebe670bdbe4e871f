// A draggable threshold over the score histogram: a vertical line with a handle, moved with the
// mouse (pointer capture, so the drag continues outside the chart) or the keyboard (arrows ±1,
// Page Up/Down ±10, Home/End to the ends of its range). It reports every position while moving.

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface ThresholdMarkerProps {
  band: 'red' | 'green';
  label: string;
  value: number;
  min: number;
  max: number;
  /** Pixel x of a score (0–100) inside the chart box, and back. */
  toX(score: number): number;
  fromX(x: number): number;
  plotTop: number;
  plotBottom: number;
  onChange(value: number): void;
}

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };

export function ThresholdMarker({ band, label, value, min, max, toX, fromX, plotTop, plotBottom, onChange }: ThresholdMarkerProps) {
  const dragging = useRef(false);
  const clamp = (v: number) => Math.min(max, Math.max(min, Math.round(v)));

  const move = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.parentElement!.getBoundingClientRect();
    const next = clamp(fromX(event.clientX - box.left));
    if (next !== value) onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    let next: number | null = null;
    if (event.key in KEY_STEPS) next = clamp(value + KEY_STEPS[event.key]);
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    event.preventDefault();
    if (next !== value) onChange(next);
  };

  return (
    <div
      className={`threshold-marker threshold-marker--${band}`}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-orientation="horizontal"
      data-testid={`threshold-${band}`}
      style={{ transform: `translateX(${toX(value)}px)`, top: plotTop - 12, height: plotBottom - plotTop + 12 }}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.focus();
        event.currentTarget.setPointerCapture(event.pointerId);
        dragging.current = true;
      }}
      onPointerMove={(event) => {
        if (dragging.current) move(event);
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    >
      <span className="threshold-marker__handle">{value}</span>
      <span className="threshold-marker__line" aria-hidden="true" />
    </div>
  );
}
