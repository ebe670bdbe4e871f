// Import progress on stderr for `healthscore import`: one line rewritten in place when stderr is a
// terminal; otherwise (a log, a pipe) one plain line per phase, so logs are not flooded.

import type { ImportProgress } from '../../shared/api';

const PHASE_WORDS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading',
  analysing: 'Analysing',
  building: 'Building',
  writing: 'Writing',
};

const count = (n: number) => n.toLocaleString('en-US');

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}

export function describeProgress(p: ImportProgress): string {
  const parts = [`${PHASE_WORDS[p.phase]}…`];
  if (p.phase !== 'writing' && p.totalBytes > 0) parts.push(`${Math.min(100, Math.floor((100 * p.bytes) / p.totalBytes))}% of ${megabytes(p.totalBytes)}`);
  parts.push(p.phase === 'writing' ? `${count(p.rows)} accounts` : `${count(p.rows)} rows`);
  if (p.rowsPerSecond > 0) parts.push(`${count(p.rowsPerSecond)} rows/s`);
  if (p.etaSeconds !== null && p.etaSeconds > 0) parts.push(`about ${Math.ceil(p.etaSeconds)} s left`);
  return parts.join('  ');
}

export class ProgressLine {
  private lastPhase: ImportProgress['phase'] | null = null;
  private shown = false;

  constructor(private readonly out: NodeJS.WriteStream) {}

  update(progress: ImportProgress): void {
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[K${describeProgress(progress)}`);
      this.shown = true;
    } else if (progress.phase !== this.lastPhase) {
      this.out.write(`${PHASE_WORDS[progress.phase]}…\n`);
    }
    this.lastPhase = progress.phase;
  }

  /** Clears the updating line before other output. */
  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
