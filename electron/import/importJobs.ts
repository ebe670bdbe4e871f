// The import service's jobs by id: each with the status the api returns, its worker while one runs,
// and an expiry once it has finished (finished imports for a few minutes; an analysis for longer,
// counted from its last use, since the user may spend a while on the mapping before importing).

import crypto from 'node:crypto';
import { ApiError, type ImportJobStatus } from '../../shared/api';
import type { WorkerRun } from './workerRun';
import type { WorkerSource } from './workerProtocol';

export const FINISHED_IMPORT_TTL_MS = 5 * 60 * 1000;
export const ANALYSIS_TTL_MS = 30 * 60 * 1000;

export interface ImportJob {
  status: ImportJobStatus;
  sources: WorkerSource[];
  run: WorkerRun | null;
  /** Import jobs: the workspace written into. */
  workspacePath: string | null;
  expiresAt: number;
  /** Resolved when the job leaves 'running' (needsDecision or finished). */
  waiters: (() => void)[];
}

export interface JobTtls {
  finishedImportMs: number;
  analysisMs: number;
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function isFinished(status: ImportJobStatus): boolean {
  return FINISHED.has(status.state);
}

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly ttls: JobTtls = { finishedImportMs: FINISHED_IMPORT_TTL_MS, analysisMs: ANALYSIS_TTL_MS }) {}

  add(kind: ImportJobStatus['kind'], sources: WorkerSource[], totalBytes: number, workspacePath: string | null = null): ImportJob {
    const jobId = crypto.randomBytes(12).toString('base64url');
    const job: ImportJob = {
      status: { jobId, kind, state: 'running', progress: { phase: kind === 'analysis' ? 'reading' : 'building', rows: 0, bytes: 0, totalBytes, rowsPerSecond: 0, etaSeconds: null } },
      sources,
      run: null,
      workspacePath,
      expiresAt: Number.POSITIVE_INFINITY,
      waiters: [],
    };
    this.jobs.set(jobId, job);
    return job;
  }

  /** The job, its expiry renewed for a finished analysis (it is still being used). */
  get(jobId: string): ImportJob {
    this.sweep();
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `No import job "${jobId}" (finished jobs are forgotten after a few minutes): start it again.`);
    if (job.status.kind === 'analysis' && job.status.state === 'done') job.expiresAt = Date.now() + this.ttls.analysisMs;
    return job;
  }

  /** An import still running or waiting for a decision, if any. */
  activeImport(): ImportJob | null {
    for (const job of this.jobs.values()) if (job.status.kind === 'import' && !isFinished(job.status)) return job;
    return null;
  }

  all(): IterableIterator<ImportJob> {
    return this.jobs.values();
  }

  /** Moves a job to a new state; a finished one starts its expiry. Wakes waiters unless still running. */
  settle(job: ImportJob, state: ImportJobStatus['state']): void {
    job.status.state = state;
    if (isFinished(job.status)) {
      job.run = null;
      job.expiresAt = Date.now() + (job.status.kind === 'analysis' && state === 'done' ? this.ttls.analysisMs : this.ttls.finishedImportMs);
    }
    if (state !== 'running') for (const wake of job.waiters.splice(0)) wake();
  }

  sweep(now = Date.now()): void {
    for (const [id, job] of this.jobs) if (job.expiresAt <= now) this.jobs.delete(id);
  }
}

/** A copy for the api (the job's own objects keep changing as messages arrive). */
export function snapshotOf(job: ImportJob): ImportJobStatus {
  return { ...job.status, progress: { ...job.status.progress } };
}
