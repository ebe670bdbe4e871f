// Starts the scoring worker. Its own module so that component tests (happy-dom has no module
// workers) can swap in an in-process worker running the same handlers.

export interface ScoringWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export function createScoringWorker(): ScoringWorkerLike {
  return new Worker(new URL('./scoring.worker.ts', import.meta.url), { type: 'module', name: 'scoring' });
}
