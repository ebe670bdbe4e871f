// Opt-in latency probe for the designer bench (test/bench/designer.bench.ts). Inert unless the page
// defines `window.__healthscorePerf = { samples: [] }` before the app starts: then every slider
// input is marked, and once the summary it produced has been committed and the next animation
// frame has run (charts and tiles painted), the input-to-paint time is pushed to `samples`.

export interface PerfSample {
  seq: number;
  /** Milliseconds from the slider's input event to the frame after the answer's commit. */
  inputToPaint: number;
  /** Milliseconds from the input event to the commit (before waiting for a frame). */
  inputToCommit: number;
}

declare global {
  interface Window {
    __healthscorePerf?: { samples: PerfSample[] };
  }
}

let lastSeq = 0;
const inputAt = new Map<number, number>();

/** Marks a slider input; returns its sequence number, or null when no one is measuring. */
export function markInput(): number | null {
  if (typeof window === 'undefined' || !window.__healthscorePerf) return null;
  lastSeq++;
  inputAt.set(lastSeq, performance.now());
  return lastSeq;
}

/** Call after the commit that shows the answer to input `seq` (earlier inputs were coalesced into it). */
export function notePainted(seq: number | null): void {
  const hook = typeof window === 'undefined' ? undefined : window.__healthscorePerf;
  const start = seq === null ? undefined : inputAt.get(seq);
  if (!hook || seq === null || start === undefined) return;
  for (const s of inputAt.keys()) if (s <= seq) inputAt.delete(s);
  const committed = performance.now();
  requestAnimationFrame(() => {
    hook.samples.push({ seq, inputToPaint: performance.now() - start, inputToCommit: committed - start });
  });
}
