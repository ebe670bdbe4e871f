// Bands and grades: how a 0–100 score becomes red / yellow / green and an optional letter.

import { COMPARISON_TOLERANCE, type BandName, type Grade, type Thresholds } from './types';

export const BAND_RED = 0;
export const BAND_YELLOW = 1;
export const BAND_GREEN = 2;
export const BAND_UNSCORED = 3;
/** The account has no row in this snapshot (e.g. it churned earlier); counted nowhere. */
export const BAND_ABSENT = 4;
/** Bands that are counted: red, yellow, green, unscored. */
export const COUNTED_BANDS = 4;
export const BAND_NAMES = ['red', 'yellow', 'green', 'unscored', 'absent'] as const;

/** Red below the red threshold, yellow below green, else green; a score at a threshold takes the upper band. */
export function bandOf(score: number, t: Thresholds): number {
  if (!(score === score)) return BAND_UNSCORED;
  if (score < t.red - COMPARISON_TOLERANCE) return BAND_RED;
  if (score < t.green - COMPARISON_TOLERANCE) return BAND_YELLOW;
  return BAND_GREEN;
}

export function bandCode(name: BandName): number {
  return name === 'red' ? BAND_RED : name === 'yellow' ? BAND_YELLOW : BAND_GREEN;
}

/** The first grade whose minimum the score reaches, or null (unscored, or below every grade). */
export function gradeOf(score: number, grades: readonly Grade[] | undefined): string | null {
  if (!grades || !(score === score)) return null;
  for (const g of grades) if (score >= g.min - COMPARISON_TOLERANCE) return g.grade;
  return null;
}
