// Spreadsheet import behind the api: uploads, analysis and import jobs, each job run by its own
// worker thread (electron/import/importWorker.ts), polled with getImportJob. The worker writes the
// import into the workspace file on its own connection in one transaction; this side then asks the
// workbench to refresh its views of that workspace.

import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError, type ImportJobStatus, type ImportProgress, type ImportSource, type SheetAnalysis } from '../../shared/api';
import { ImportError, type ImportMapping, applySavedMapping, assertHasAccountSheet, headerSignature, validateMapping } from '../../shared/import';
import { type ImportJob, ImportJobs, type JobTtls, isFinished, snapshotOf } from '../import/importJobs';
import { localIsoDate } from '../import/localDate';
import { resolveSource, totalBytesOf } from '../import/sourceFiles';
import { UPLOADS_FOLDER, type UploadChunk, UploadStore } from '../import/uploads';
import type { WorkerMessage, WorkerSheetAnalysis } from '../import/workerProtocol';
import { WorkerRun } from '../import/workerRun';
import { readSavedMapping } from '../store/importMappings';

export interface ImportServiceOptions {
  dataDir: string;
  /** The bundled worker (dist/electron/importWorker.cjs). */
  workerFile?: string;
  /** The open workspace: saved mappings are read from it, imports are written into it. */
  workspace: () => { path: string; db: Database.Database } | null;
  /** Runs on the main thread after an import committed into the workspace at `path`. */
  onImported: (workspacePath: string) => void;
  /** Every progress update as it arrives (the CLI's progress line); the api polls instead. */
  onProgress?: (jobId: string, progress: ImportProgress) => void;
  ttls?: JobTtls;
  cancelGraceMs?: number;
  /** Tests only: import workers stop inside their write transaction until killed. */
  holdImportsBeforeCommit?: boolean;
  /** Tests only: the size from which delimited files are read on two threads. */
  splitMinBytes?: number;
}

/** Next to the running bundle; from the sources (tests, tsc output) the built one in dist/. */
export function defaultWorkerFile(): string {
  const beside = path.join(__dirname, 'importWorker.cjs');
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, '../../dist/electron/importWorker.cjs');
}

function toApiError(err: unknown): unknown {
  return err instanceof ImportError ? new ApiError('invalid_argument', err.message) : err;
}

export class ImportService {
  readonly uploads: UploadStore;
  private readonly jobs: ImportJobs;
  private readonly workerFile: string;
  /** Every worker thread still alive (a finished import's worker may still be checkpointing). */
  private readonly live = new Set<WorkerRun>();

  constructor(private readonly options: ImportServiceOptions) {
    this.uploads = new UploadStore(path.join(options.dataDir, UPLOADS_FOLDER));
    this.jobs = new ImportJobs(options.ttls);
    this.workerFile = options.workerFile ?? defaultWorkerFile();
  }

  uploadChunk(args: UploadChunk): { uploadId: string } {
    return this.uploads.append(args);
  }

  startAnalysis(sources: ImportSource[]): { jobId: string } {
    const resolved = sources.map((s) => resolveSource(s, this.uploads));
    const job = this.jobs.add('analysis', resolved, totalBytesOf(resolved));
    job.run = this.spawn({ kind: 'analysis', sources: resolved }, job, sources);
    return { jobId: job.status.jobId };
  }

  startImport(args: { analysisJobId: string; mappings: ImportMapping[]; importDate?: string }): { jobId: string } {
    const analysisJob = this.jobs.get(args.analysisJobId);
    const analysis = analysisJob.status.analysis;
    if (analysisJob.status.kind !== 'analysis' || !analysis) {
      throw new ApiError('invalid_argument', `Job "${args.analysisJobId}" is not a finished analysis (it is ${analysisJob.status.state}).`);
    }
    if (args.mappings.length !== analysis.length) {
      throw new ApiError('invalid_argument', `The analysis has ${analysis.length} sheet(s) but ${args.mappings.length} mapping(s) were given: give one per sheet, in the same order.`);
    }
    try {
      args.mappings.forEach((m, i) => validateMapping(m, analysis[i].headers, analysis[i].source.fileName));
      assertHasAccountSheet(args.mappings);
    } catch (err) {
      throw toApiError(err);
    }
    const workspace = this.options.workspace();
    if (!workspace) throw new ApiError('no_workspace', 'No workspace is open to import into. Open or create one first.');
    if (this.jobs.activeImport()) throw new ApiError('invalid_argument', 'Another import is in progress: let it finish, or cancel it, first.');
    const sources = analysisJob.sources.map((s) => ({ ...s }));
    for (const s of sources) {
      if (!fs.existsSync(s.path)) throw new ApiError('not_found', `"${s.fileName}" is no longer there; choose it again.`);
    }
    const job = this.jobs.add('import', sources, totalBytesOf(sources), workspace.path);
    const request = {
      kind: 'import' as const,
      sources,
      headers: analysis.map((a) => a.headers),
      mappings: args.mappings.map((m): ImportMapping => (m.kind === 'events' ? { kind: m.kind, columns: m.columns, events: m.events } : { kind: m.kind, columns: m.columns })),
      importDate: args.importDate ?? localIsoDate(),
      workspacePath: workspace.path,
      ...(this.options.holdImportsBeforeCommit ? { holdBeforeCommit: true } : {}),
      ...(this.options.splitMinBytes !== undefined ? { splitMinBytes: this.options.splitMinBytes } : {}),
    };
    job.run = this.spawn(request, job, []);
    return { jobId: job.status.jobId };
  }

  getJob(jobId: string): ImportJobStatus {
    return snapshotOf(this.jobs.get(jobId));
  }

  resolve(jobId: string, decision: 'commit' | 'abort'): ImportJobStatus {
    const job = this.jobs.get(jobId);
    if (job.status.state !== 'needsDecision' || !job.run) {
      throw new ApiError('invalid_argument', `Import job "${jobId}" is not waiting for a decision (it is ${job.status.state}).`);
    }
    if (decision === 'commit') {
      job.run.decide('commit');
      job.status.state = 'running';
    } else {
      this.stopWaitingJob(job);
    }
    return snapshotOf(job);
  }

  cancel(jobId: string): ImportJobStatus {
    const job = this.jobs.get(jobId);
    if (job.status.state === 'needsDecision') this.stopWaitingJob(job);
    else if (job.status.state === 'running') job.run?.cancel(this.options.cancelGraceMs);
    return snapshotOf(job);
  }

  /** Resolves once the job needs a decision or has finished (the CLI waits on this). */
  whenSettled(jobId: string): Promise<ImportJobStatus> {
    const job = this.jobs.get(jobId);
    if (job.status.state !== 'running') return Promise.resolve(snapshotOf(job));
    return new Promise((resolve) => job.waiters.push(() => resolve(snapshotOf(job))));
  }

  /** Start-up housekeeping: uploads older than a day. */
  removeStaleUploads(): number {
    return this.uploads.removeStale();
  }

  /** Stops every worker (the app is closing); nothing uncommitted is written. */
  shutdown(): void {
    for (const job of this.jobs.all()) if (!isFinished(job.status)) this.jobs.settle(job, 'cancelled');
    for (const run of this.live) run.dispose();
    this.live.clear();
  }

  private spawn(request: ConstructorParameters<typeof WorkerRun>[1], job: ImportJob, apiSources: ImportSource[]): WorkerRun {
    const handlers = this.handlersFor(job, apiSources);
    const run: WorkerRun = new WorkerRun(this.workerFile, request, { ...handlers, onEnded: () => this.live.delete(run) });
    this.live.add(run);
    return run;
  }

  /** A worker idle on a decision holds nothing uncommitted: stopping it is an immediate abort. */
  private stopWaitingJob(job: ImportJob): void {
    job.run?.dispose();
    this.jobs.settle(job, 'cancelled');
  }

  private handlersFor(job: ImportJob, apiSources: ImportSource[]) {
    return {
      onMessage: (message: WorkerMessage) => this.onMessage(job, message, apiSources),
      onLost: (reason: string) => {
        if (isFinished(job.status)) return;
        const committing = job.run?.committing ?? false;
        if (job.run?.cancelRequested && !committing) return this.jobs.settle(job, 'cancelled');
        job.status.error = {
          code: 'internal',
          message: committing
            ? `The import worker stopped while committing (${reason}); check the workspace before importing again.`
            : `The import worker stopped unexpectedly (${reason}); nothing was written.`,
        };
        this.jobs.settle(job, 'failed');
        if (committing && job.workspacePath) this.options.onImported(job.workspacePath);
      },
    };
  }

  private onMessage(job: ImportJob, message: WorkerMessage, apiSources: ImportSource[]): void {
    const status = job.status;
    switch (message.type) {
      case 'progress':
        status.progress = message.progress;
        this.options.onProgress?.(status.jobId, message.progress);
        return;
      case 'committing':
      case 'released':
        return;
      case 'analysed':
        status.analysis = message.sheets.map((sheet, i) => this.withSavedMapping(sheet, apiSources[i]));
        return this.jobs.settle(job, 'done');
      case 'needsDecision':
        status.report = message.report;
        status.decision = message.decision;
        return this.jobs.settle(job, 'needsDecision');
      case 'done':
        status.report = message.report;
        this.jobs.settle(job, 'done');
        if (job.workspacePath) this.options.onImported(job.workspacePath);
        return;
      case 'failed':
        status.error = message.error;
        return this.jobs.settle(job, 'failed');
      case 'cancelled':
        return this.jobs.settle(job, 'cancelled');
    }
  }

  private withSavedMapping(sheet: WorkerSheetAnalysis, source: ImportSource): SheetAnalysis {
    const workspace = this.options.workspace();
    const saved = workspace ? readSavedMapping(workspace.db, headerSignature(sheet.headers)) : null;
    return { source, ...sheet, savedMapping: saved ? applySavedMapping(saved, sheet.headers) : null };
  }
}
