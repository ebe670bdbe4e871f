// How the panel writes its numbers (rounded for reading only; the stores keep full precision).

import { epochDayToIso } from '../../../shared/dates';
import { MISSING, formatCurrencyCompact, formatInteger } from '../../lib/format';

/** An interval `lo–hi`, or a dash when there is none. */
export function formatInterval(lo: number, hi: number): string {
  return Number.isFinite(lo) && Number.isFinite(hi) ? `${lo.toFixed(3)}–${hi.toFixed(3)}` : MISSING;
}

export function formatAuc(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : MISSING;
}

/** A signed difference of AUCs: `+0.012`, `−0.004`. */
export function formatAucDelta(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  const text = Math.abs(value).toFixed(3);
  return value > 0 ? `+${text}` : value < 0 && text !== '0.000' ? `−${text}` : `±${text}`;
}

/** A ratio in [0, 1] as a percentage: `12.3%`. */
export function formatRate(value: number): string {
  return Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : MISSING;
}

export function formatLift(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : MISSING;
}

export function formatMoney(value: number): string {
  return Number.isFinite(value) ? formatCurrencyCompact(value) : MISSING;
}

export function formatSignedInteger(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  return value > 0 ? `+${formatInteger(value)}` : value < 0 ? `−${formatInteger(-value)}` : '0';
}

export function formatSignedMoney(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  return value > 0 ? `+${formatCurrencyCompact(value)}` : value < 0 ? `−${formatCurrencyCompact(-value)}` : '$0';
}

export function formatDay(day: number): string {
  return Number.isFinite(day) ? epochDayToIso(day) : MISSING;
}

export function formatScore(value: number | null): string {
  return value === null || !Number.isFinite(value) ? MISSING : value.toFixed(1);
}

export const BAND_LABELS = ['Red', 'Yellow', 'Green', 'Unscored'] as const;
export const BAND_KEYS = ['red', 'yellow', 'green', 'unscored'] as const;
