// Rebalancing rules for one list of sibling weights (the groups of a segment, or the metrics of a
// group). Weights are relative: a weight's share is its value over the list's total, so moving
// one slider already rebalances the others' shares. A locked weight keeps its share: its raw
// value is rescaled with the new total. "Not applicable" excludes an item (share 0).

import type { Weight } from '../../../shared/scorecard/types';

export interface WeightItem {
  weight: Weight;
  locked: boolean;
}

/** Shares this small are treated as "all of it" (nothing left for the unlocked items). */
const EPSILON = 1e-12;

export function numericWeight(w: Weight): number {
  return typeof w === 'number' && w > 0 ? w : 0;
}

export function totalWeight(items: readonly WeightItem[]): number {
  return items.reduce((t, item) => t + numericWeight(item.weight), 0);
}

/** Each item's fraction of the list's total (0 for excluded items; all 0 when nothing weighs). */
export function sharesOf(items: readonly WeightItem[]): number[] {
  const total = totalWeight(items);
  return items.map((item) => (total > 0 ? numericWeight(item.weight) / total : 0));
}

/**
 * Sets item `index` to `value` (clamped at 0). Unlocked siblings keep their raw weights, so their
 * shares scale together; locked siblings are rescaled to keep their shares. When the unlocked
 * items would weigh nothing, locked weights are left as they are (they cannot keep their share
 * of a list that is all theirs).
 */
export function moveWeight(items: readonly WeightItem[], index: number, value: number): Weight[] {
  const v = Math.max(0, Number.isFinite(value) ? value : 0);
  const total = totalWeight(items);
  const locked = items.map((item, i) => i !== index && item.locked && numericWeight(item.weight) > 0);
  let lockedShare = 0;
  let unlockedAfter = v;
  items.forEach((item, i) => {
    if (i === index) return;
    if (locked[i]) lockedShare += numericWeight(item.weight) / total;
    else unlockedAfter += numericWeight(item.weight);
  });
  const out = items.map((item, i) => (i === index ? v : item.weight));
  if (lockedShare === 0 || unlockedAfter <= 0 || lockedShare >= 1 - EPSILON) return out;
  const newTotal = unlockedAfter / (1 - lockedShare);
  items.forEach((item, i) => {
    if (locked[i]) out[i] = (numericWeight(item.weight) / total) * newTotal;
  });
  return out;
}

/**
 * Marks item `index` not applicable (its weight leaves the list, locked shares kept), or brings it
 * back with the weight `restore`.
 */
export function setApplicable(items: readonly WeightItem[], index: number, applicable: boolean, restore: number): Weight[] {
  if (applicable) return moveWeight(items, index, restore);
  const out = moveWeight(items, index, 0);
  out[index] = 'notApplicable';
  return out;
}

/** Scales the list so its weights add up to 100 (shares unchanged); excluded items stay excluded. */
export function normaliseTo100(items: readonly WeightItem[]): Weight[] {
  const total = totalWeight(items);
  if (total <= 0) return items.map((item) => item.weight);
  return items.map((item) => (item.weight === 'notApplicable' ? item.weight : (numericWeight(item.weight) * 100) / total));
}
