// The messages between the import service (main thread) and an import worker. One worker runs one
// job: the request arrives as workerData, progress and the outcome come back as messages, and a
// decision (commit / abort) is the only message the main thread sends. Cancelling does not need the
// worker's event loop: it is a flag in shared memory that the worker checks between row batches.

import type { ApiErrorCode, ImportDecision, ImportProgress, SheetAnalysis } from '../../shared/api';
import type { ContinuationStats, ConvertedBatch, Delimiter, ImportErrorCode, ImportMapping, SheetMapping, WorkspaceImportReport } from '../../shared/import';

/** A file the worker reads: uploads are already resolved to their file in the uploads folder. */
export interface WorkerSource {
  fileName: string;
  path: string;
  sheet?: string;
}

export interface AnalysisRequest {
  kind: 'analysis';
  sources: WorkerSource[];
}

export interface ImportRequest {
  kind: 'import';
  sources: WorkerSource[];
  /** Each sheet's headers as the analysis read them (the file must still have them). */
  headers: string[][];
  mappings: ImportMapping[];
  importDate: string;
  workspacePath: string;
  /** Tests only: stop inside the write transaction, before COMMIT, until the worker is killed. */
  holdBeforeCommit?: boolean;
  /** Delimited files from this size on are read on two threads (tests set it low). */
  splitMinBytes?: number;
}

/** A split import's helper: the second half of a delimited file, from `start` (a line start). */
export interface HalfRequest {
  kind: 'half';
  path: string;
  fileName: string;
  start: number;
  end: number;
  headers: string[];
  mapping: SheetMapping;
  delimiter: Delimiter;
  newline: '\n' | '\r\n';
}

export type HalfMessage =
  | { type: 'batch'; batch: ConvertedBatch; bytes: number }
  | { type: 'end'; stats: ContinuationStats }
  /** The half cannot be read apart from the rest: the import worker reads it itself. */
  | { type: 'fallback'; reason: string }
  | { type: 'error'; error: { code: ImportErrorCode; message: string; fileName: string | null } };

export type WorkerRequest = (AnalysisRequest | ImportRequest | HalfRequest) & {
  /** Int32 flag: 1 = cancel requested. */
  cancel: SharedArrayBuffer;
};

/** A sheet's analysis as the worker can make it (the saved mapping is looked up on the main side). */
export type WorkerSheetAnalysis = Omit<SheetAnalysis, 'source' | 'savedMapping'>;

export interface WorkerFailure {
  code: ApiErrorCode;
  message: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'analysed'; sheets: WorkerSheetAnalysis[] }
  | { type: 'needsDecision'; report: WorkspaceImportReport; decision: ImportDecision }
  /** Past the last cancel check: the outcome is now whatever COMMIT does. */
  | { type: 'committing' }
  /** The import is committed (the job is done); the worker still checkpoints, then says 'released'. */
  | { type: 'done'; report: WorkspaceImportReport }
  | { type: 'released' }
  | { type: 'failed'; error: WorkerFailure }
  | { type: 'cancelled' };

export type MainMessage = { type: 'decision'; decision: 'commit' | 'abort' };

export const CANCEL_REQUESTED = 1;

/** The worker's view of the shared cancel flag. */
export class CancelFlag {
  private readonly cell: Int32Array;
  constructor(readonly buffer: SharedArrayBuffer) {
    this.cell = new Int32Array(buffer);
  }

  static create(): SharedArrayBuffer {
    return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  }

  get requested(): boolean {
    return Atomics.load(this.cell, 0) === CANCEL_REQUESTED;
  }

  request(): void {
    Atomics.store(this.cell, 0, CANCEL_REQUESTED);
  }

  /** Throws JobCancelled when a cancel was requested (called between batches). */
  check(): void {
    if (this.requested) throw new JobCancelled();
  }
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}
