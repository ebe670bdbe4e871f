// Defaults of the back-test controls, matching the CLI (electron/cli/backtestCommand.ts) so the
// panel and `healthscore backtest` answer the same question when nothing is chosen.

import { isoToEpochDay } from '../../../shared/dates';

export const HORIZON_PRESETS = [30, 60, 90, 180] as const;
export const DEFAULT_HORIZON_DAYS = 90;
export const MAX_HORIZON_DAYS = 3650;

/** The latest snapshot whose whole horizon lies within the data, else the first snapshot (resolveAsOf). */
export function defaultAsOf(snapshotDates: readonly string[], horizonDays: number): string | null {
  if (snapshotDates.length === 0) return null;
  const last = isoToEpochDay(snapshotDates[snapshotDates.length - 1]);
  const fits = snapshotDates.filter((d) => isoToEpochDay(d) + horizonDays <= last);
  return fits.length ? fits[fits.length - 1] : snapshotDates[0];
}

/** True when churn after T + H may be unrecorded yet (the window runs past the newest snapshot). */
export function windowPastData(snapshotDates: readonly string[], asOf: string, horizonDays: number): boolean {
  const last = snapshotDates[snapshotDates.length - 1];
  return last !== undefined && isoToEpochDay(asOf) + horizonDays > isoToEpochDay(last);
}

/** A custom horizon typed by the user: whole days from 1 to MAX_HORIZON_DAYS, else null. */
export function parseHorizonDays(text: string): number | null {
  const m = /^\s*(\d+)\s*(d|days?|w|weeks?)?\s*$/i.exec(text);
  if (!m) return null;
  const days = Number(m[1]) * (m[2] && m[2].toLowerCase().startsWith('w') ? 7 : 1);
  return days >= 1 && days <= MAX_HORIZON_DAYS ? days : null;
}
