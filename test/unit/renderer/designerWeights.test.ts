// The designer's pure rules: rebalancing sibling weights (locks, not applicable, normalise), the
// slider scale, writing weights into segment overrides, and undo/redo with gesture merging.

import { describe, expect, it } from 'vitest';
import { recordEdit, redoEdit, startHistory, undoEdit, MERGE_WINDOW_MS } from '../../../renderer/features/designer/editHistory';
import { sliderMaxFor } from '../../../renderer/features/designer/shareFormat';
import { applyWeightEdits, weightTree } from '../../../renderer/features/designer/weightTree';
import { type WeightItem, moveWeight, normaliseTo100, setApplicable, sharesOf } from '../../../renderer/features/designer/weights';
import { parseScorecard } from '../../../shared/scorecard/validate';

const items = (...spec: (number | 'notApplicable' | [number, 'locked'])[]): WeightItem[] =>
  spec.map((s) => (Array.isArray(s) ? { weight: s[0], locked: true } : { weight: s, locked: false }));

describe('moveWeight', () => {
  it('sets the moved weight and leaves unlocked siblings’ raw weights alone (their shares scale together)', () => {
    const before = items(1, 1, 2);
    const after = moveWeight(before, 0, 4);
    expect(after).toEqual([4, 1, 2]);
    const shares = sharesOf(before.map((b, i) => ({ ...b, weight: after[i] })));
    expect(shares[1] / shares[2]).toBeCloseTo(0.5, 12);
  });

  it('keeps a locked sibling’s share while another moves', () => {
    const before = items(10, [30, 'locked'], 60);
    const lockedShare = sharesOf(before)[1];
    for (const v of [0, 5, 42, 500]) {
      const after = moveWeight(before, 0, v);
      const shares = sharesOf(before.map((b, i) => ({ ...b, weight: after[i] })));
      expect(after[0]).toBe(v);
      expect(after[2]).toBe(60);
      expect(shares[1]).toBeCloseTo(lockedShare, 12);
    }
  });

  it('keeps several locked shares at once', () => {
    const before = items([20, 'locked'], 20, [10, 'locked'], 50);
    const after = moveWeight(before, 1, 70);
    const shares = sharesOf(before.map((b, i) => ({ ...b, weight: after[i] })));
    expect(shares[0]).toBeCloseTo(0.2, 12);
    expect(shares[2]).toBeCloseTo(0.1, 12);
    expect(shares[1] / shares[3]).toBeCloseTo(70 / 50, 12);
  });

  it('leaves locked weights alone when nothing unlocked would weigh anything', () => {
    const after = moveWeight(items(5, [5, 'locked']), 0, 0);
    expect(after).toEqual([0, 5]);
  });

  it('clamps negative and non-finite values to 0', () => {
    expect(moveWeight(items(1, 1), 0, -3)[0]).toBe(0);
    expect(moveWeight(items(1, 1), 0, Number.NaN)[0]).toBe(0);
  });
});

describe('not applicable', () => {
  it('excludes the item (share 0) and keeps locked shares', () => {
    const before = items(1, [1, 'locked'], 2);
    const after = setApplicable(before, 0, false, 1);
    expect(after[0]).toBe('notApplicable');
    const shares = sharesOf(before.map((b, i) => ({ ...b, weight: after[i] })));
    expect(shares[0]).toBe(0);
    expect(shares[1]).toBeCloseTo(0.25, 12);
    expect(shares[2]).toBeCloseTo(0.75, 12);
  });

  it('brings the item back with the weight it had', () => {
    const off = items('notApplicable', 1, 2);
    expect(setApplicable(off, 0, true, 3)).toEqual([3, 1, 2]);
  });
});

describe('normaliseTo100', () => {
  it('scales to a total of 100 with the same shares, leaving excluded items excluded', () => {
    const before = items(1, 3, 'notApplicable', 4);
    const after = normaliseTo100(before);
    expect(after).toEqual([12.5, 37.5, 'notApplicable', 50]);
  });

  it('does nothing to a list that weighs nothing', () => {
    expect(normaliseTo100(items(0, 'notApplicable'))).toEqual([0, 'notApplicable']);
  });
});

describe('slider scale', () => {
  it('is the next 1-2-5 step at or above the total, at least 10', () => {
    expect(sliderMaxFor(3, 1)).toBe(10);
    expect(sliderMaxFor(9, 1)).toBe(10);
    expect(sliderMaxFor(10.5, 2)).toBe(20);
    expect(sliderMaxFor(100, 40)).toBe(100);
    expect(sliderMaxFor(130, 40)).toBe(200);
    expect(sliderMaxFor(260, 40)).toBe(500);
  });
});

describe('weights in the scorecard', () => {
  const sc = parseScorecard({
    schemaVersion: 1,
    name: 't',
    groups: [{ id: 'use', label: 'Usage', weight: 3 }],
    metrics: [
      { id: 'a', label: 'A', source: 'a', method: { type: 'boolean' }, group: 'use', weight: 1 },
      { id: 'b', label: 'B', source: 'b', method: { type: 'boolean' }, group: 'use', weight: 3 },
      { id: 'c', label: 'C', source: 'c', method: { type: 'boolean' } },
    ],
    segments: [{ id: 'ent', label: 'Enterprise', when: [{ attribute: 'tier', operator: 'eq', value: 'E' }], weights: { c: 3 } }],
  });

  it('lists units with their metrics, weights in force in the segment and effective shares', () => {
    const [usage, c] = weightTree(sc, 0);
    expect(usage).toMatchObject({ kind: 'group', id: 'use', weight: 3, share: 0.5 });
    expect(usage.children.map((m) => [m.id, m.weight, m.share])).toEqual([
      ['a', 1, 0.125],
      ['b', 3, 0.375],
    ]);
    expect(c).toMatchObject({ kind: 'metric', id: 'c', weight: 3, share: 0.5 });
    // The default segment inherits the metric's own weight.
    expect(weightTree(sc, 1)[1]).toMatchObject({ id: 'c', weight: 1, share: 0.25 });
  });

  it('writes edits as overrides of that segment only', () => {
    const edited = applyWeightEdits(sc, 1, [{ kind: 'group', id: 'use', weight: 1 }, { kind: 'metric', id: 'a', weight: 'notApplicable' }]);
    expect(edited.defaultSegment.groupWeights).toEqual({ use: 1 });
    expect(edited.defaultSegment.weights).toEqual({ a: 'notApplicable' });
    expect(edited.segments).toBe(sc.segments);
    expect(sc.defaultSegment.weights).toEqual({});
  });
});

describe('edit history', () => {
  it('makes one undo step of a gesture and separate steps of separate controls', () => {
    let h = startHistory('v0');
    h = recordEdit(h, 'v1', 'slider:a', 0);
    h = recordEdit(h, 'v2', 'slider:a', 16);
    h = recordEdit(h, 'v3', 'slider:a', 32);
    h = recordEdit(h, 'v4', 'slider:b', 48);
    expect(h.past).toEqual(['v0', 'v3']);
    h = undoEdit(h);
    expect(h.present).toBe('v3');
    h = undoEdit(h);
    expect(h.present).toBe('v0');
    expect(undoEdit(h)).toBe(h);
    h = redoEdit(redoEdit(h));
    expect(h.present).toBe('v4');
    expect(redoEdit(h)).toBe(h);
  });

  it('starts a new step after a pause, after an undo, and for unkeyed edits; a new edit drops the redo list', () => {
    let h = startHistory(0);
    h = recordEdit(h, 1, 'k', 0);
    h = recordEdit(h, 2, 'k', MERGE_WINDOW_MS + 1);
    expect(h.past).toEqual([0, 1]);
    h = recordEdit(h, 3, null, MERGE_WINDOW_MS + 2);
    h = recordEdit(h, 4, null, MERGE_WINDOW_MS + 3);
    expect(h.past).toEqual([0, 1, 2, 3]);
    h = undoEdit(h);
    h = recordEdit(h, 5, 'k', MERGE_WINDOW_MS + 4);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([0, 1, 2, 3]);
  });
});
