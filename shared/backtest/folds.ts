// Stratified k-fold assignment, seeded: churned and retained rows are shuffled separately
// (Fisher–Yates with SeededRandom) and dealt round-robin, the retained continuing where the churned
// stopped, so every fold gets ⌊·⌋ or ⌈·⌉ of each class and of the rows.

import { SeededRandom } from '../random';
import { BacktestError } from './types';

/** Fold number (0 … k − 1) per row; `y` is 0/1 per row. */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new BacktestError('folds must be an integer from 2 to 255');
  const rng = new SeededRandom(seed);
  const fold = new Uint8Array(y.length);
  const churned: number[] = [];
  const retained: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] === 1 ? churned : retained).push(i);
  let next = 0;
  for (const rows of [churned, retained]) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    for (const row of rows) {
      fold[row] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}
