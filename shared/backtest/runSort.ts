// Sorting a short run of scores in place, with their account indices alongside: the last step of
// both score orders (scoreOrder.ts for any scores, clampedOrder.ts for scores in [0, 100]).

/**
 * Insertion sort of [start, end) with a budget of element moves; false when it ran out. Stable
 * (strict comparison), and an element never passes one of an earlier bucket (those are strictly
 * lower), so an abandoned pass leaves every bucket's contents within the bucket's range.
 */
export function insertionPass(index: Uint32Array, sorted: Float64Array, start: number, end: number, budget: number): boolean {
  for (let j = start + 1; j < end; j++) {
    const s = sorted[j];
    if (sorted[j - 1] <= s) continue;
    const ix = index[j];
    let k = j - 1;
    while (k >= start && sorted[k] > s) {
      sorted[k + 1] = sorted[k];
      index[k + 1] = index[k];
      k--;
    }
    sorted[k + 1] = s;
    index[k + 1] = ix;
    budget -= j - k;
    if (budget < 0) return false;
  }
  return true;
}

/** Fallback for pathological spreads: a stable comparison sort (ties stay in position order). */
export function comparisonSort(index: Uint32Array, sorted: Float64Array, start: number, end: number): void {
  const items = Array.from(index.subarray(start, end), (id, j) => ({ id, s: sorted[start + j] }));
  items.sort((a, b) => a.s - b.s);
  for (let j = 0; j < items.length; j++) {
    index[start + j] = items[j].id;
    sorted[start + j] = items[j].s;
  }
}
