// Opt-in latency probe for the designer bench (test/bench/designer.bench.ts). Inert unless the page
// defines `window.__healthscorePerf = { samples: [] }` before the app starts: then every slider
// input is marked, and once the summary it produced has been committed and the next animation
// frame has run (charts and tiles painted), the input-to-paint time is pushed to `samples`.
// With a worker in between, an answer can at best be drawn in the first frame that begins after
// the input; `inFirstFrame` says whether it was (at 60 Hz, input-to-paint then still ranges up to
// one frame interval, depending on where in its frame the input fell).

export interface PerfSample {
  seq: number;
  /** Milliseconds from the slider's input event to the frame after the answer's commit. */
  inputToPaint: number;
  /** Milliseconds from the input event to the commit (charts drawn, DOM updated; before waiting for a frame). */
  inputToCommit: number;
  /** The answer was drawn in the first frame that began after the input. */
  inFirstFrame: boolean;
}

declare global {
  interface Window {
    __healthscorePerf?: { samples: PerfSample[] };
  }
}

let lastSeq = 0;
const inputAt = new Map<number, number>();
/** Per input: the start time of the first frame that began after it, once that frame has run. */
const firstFrameAfter = new Map<number, number>();

/** Marks a slider input; returns its sequence number, or null when no one is measuring. */
export function markInput(): number | null {
  if (typeof window === 'undefined' || !window.__healthscorePerf) return null;
  const seq = ++lastSeq;
  inputAt.set(seq, performance.now());
  requestAnimationFrame((frameStart) => firstFrameAfter.set(seq, frameStart));
  return seq;
}

/** Call after the commit that shows the answer to input `seq` (earlier inputs were coalesced into it). */
export function notePainted(seq: number | null): void {
  const hook = typeof window === 'undefined' ? undefined : window.__healthscorePerf;
  const start = seq === null ? undefined : inputAt.get(seq);
  if (!hook || seq === null || start === undefined) return;
  for (const s of inputAt.keys()) if (s <= seq) inputAt.delete(s);
  const committed = performance.now();
  requestAnimationFrame((frameStart) => {
    // Callbacks of one frame run in the order requested, so the input's own is already recorded.
    const first = firstFrameAfter.get(seq);
    for (const s of firstFrameAfter.keys()) if (s <= seq) firstFrameAfter.delete(s);
    hook.samples.push({ seq, inputToPaint: performance.now() - start, inputToCommit: committed - start, inFirstFrame: first === frameStart });
  });
}
