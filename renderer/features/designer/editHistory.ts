// Undo/redo over immutable values. A gesture (one slider drag, a burst of arrow-key presses on the
// same control) is one step: edits with the same merge key that follow each other quickly replace
// the newest entry instead of adding one.

export interface EditHistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** Merge key and time of the newest edit; null after undo/redo or a non-mergeable edit. */
  lastKey: string | null;
  lastAt: number;
}

/** Edits of the same control closer together than this are one undo step. */
export const MERGE_WINDOW_MS = 1000;
const MAX_STEPS = 200;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

export function recordEdit<T>(h: EditHistory<T>, next: T, mergeKey: string | null, now: number): EditHistory<T> {
  if (next === h.present) return h;
  const merge = mergeKey !== null && mergeKey === h.lastKey && now - h.lastAt < MERGE_WINDOW_MS;
  const past = merge ? h.past : [...h.past, h.present].slice(-MAX_STEPS);
  return { past, present: next, future: [], lastKey: mergeKey, lastAt: now };
}

export function undoEdit<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future], lastKey: null, lastAt: 0 };
}

export function redoEdit<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), lastKey: null, lastAt: 0 };
}
