// Follows an analysis or import job until it stops running: asks every 150 ms, hands each status
// to the caller (for the progress bar) and answers the first status that is not 'running'.

import type { ImportJobStatus } from '../../../shared/api';
import { api } from '../../api/client';

export const POLL_INTERVAL_MS = 150;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function pollJob(jobId: string, signal: AbortSignal, onStatus: (status: ImportJobStatus) => void): Promise<ImportJobStatus> {
  for (;;) {
    signal.throwIfAborted();
    const status = await api.getImportJob({ jobId });
    signal.throwIfAborted();
    onStatus(status);
    if (status.state !== 'running') return status;
    await sleep(POLL_INTERVAL_MS, signal);
  }
}

/** An abort of our own (Cancel, or a newer operation), not a failure to show. By name: the
 * DOMException class differs between realms (a test DOM, Node, the page). */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
