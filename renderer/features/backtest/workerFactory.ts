// Starts a back-test worker instance. Its own module so that component tests (happy-dom has no
// module workers) can swap in an in-process worker running the same handlers.

export interface BacktestWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type WorkerRole = 'session' | 'intervals' | 'scenario' | 'suggestions';

export function createBacktestWorker(role: WorkerRole): BacktestWorkerLike {
  return new Worker(new URL('./backtest.worker.ts', import.meta.url), { type: 'module', name: `backtest-${role}` });
}
