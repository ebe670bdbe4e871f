// Progress of a worker job: rows and bytes so far, the rate and an estimate of the time left, sent
// at most every ~100 ms (a phase change is sent at once) so a fast loop does not flood the port.

import type { ImportProgress } from '../../shared/api';

export const PROGRESS_INTERVAL_MS = 100;

export class ProgressMeter {
  private phase: ImportProgress['phase'] = 'reading';
  private phaseStart = performance.now();
  private phaseRows = 0;
  private phaseBytes = 0;
  private lastSent = 0;
  private latest: ImportProgress;

  constructor(
    private readonly totalBytes: number,
    private readonly send: (progress: ImportProgress) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {
    this.latest = { phase: this.phase, rows: 0, bytes: 0, totalBytes, rowsPerSecond: 0, etaSeconds: null };
  }

  get current(): ImportProgress {
    return this.latest;
  }

  /** Starts a phase (sent at once): its rate and estimate count from these rows and bytes. */
  startPhase(phase: ImportProgress['phase'], rows = 0, bytes = 0): void {
    this.phase = phase;
    this.phaseStart = performance.now();
    this.phaseRows = rows;
    this.phaseBytes = bytes;
    this.report(rows, bytes, undefined, true);
  }

  /**
   * The estimate comes from the byte rate of the phase, or from `phaseDone` (0–1) when bytes do
   * not measure the work (writing); `force` sends even within the interval.
   */
  report(rows: number, bytes: number, phaseDone?: number, force = false): void {
    const now = performance.now();
    const seconds = (now - this.phaseStart) / 1000;
    let eta: number | null = null;
    if (phaseDone !== undefined) {
      eta = phaseDone >= 1 ? 0 : phaseDone > 0 && seconds > 0.2 ? (seconds * (1 - phaseDone)) / phaseDone : null;
    } else if (seconds > 0.2 && bytes > this.phaseBytes) {
      eta = (this.totalBytes - bytes) / ((bytes - this.phaseBytes) / seconds);
    }
    this.latest = {
      phase: this.phase,
      rows,
      bytes,
      totalBytes: this.totalBytes,
      rowsPerSecond: seconds > 0 ? Math.round((rows - this.phaseRows) / seconds) : 0,
      etaSeconds: eta === null ? null : Math.max(0, Math.round(eta * 10) / 10),
    };
    if (force || now - this.lastSent >= this.intervalMs) {
      this.lastSent = now;
      this.send(this.latest);
    }
  }
}
