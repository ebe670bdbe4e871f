// A scriptable stand-in for the import half of the api (plus the three calls the workspace store
// makes when it reloads after an import). Jobs answer getImportJob from a script of statuses: each
// poll takes the next one, the last one repeats. Analyses are built with the real profiler and
// guess from small tables, so questions and pre-fills are the ones the Node side would send.

import { vi } from 'vitest';
import type { Api, ImportDecision, ImportJobStatus, ImportProgress, ImportSource, SheetAnalysis, WorkspaceSummary } from '../../../../shared/api';
import type { ImportReport } from '../../../../shared/import/buildDataset';
import { profileColumn } from '../../../../shared/import/inferColumn';
import { guessMapping } from '../../../../shared/import/mapping';

type Script = Partial<ImportJobStatus>[];

/** An analysis of a small table (first row = headers), as the Node side would answer it. */
export function analysisOf(fileName: string, table: string[][], extra: Partial<SheetAnalysis> = {}): SheetAnalysis {
  const [headers, ...rows] = table;
  const profiles = headers.map((h, c) => profileColumn(rows.map((r) => r[c]), h));
  return {
    source: { fileName, uploadId: 'upload-00000001' },
    sheetNames: [],
    encoding: 'utf-8',
    delimiter: ',',
    headers,
    previewRows: rows.slice(0, 20),
    rowCount: rows.length,
    profiles,
    guess: guessMapping(headers, profiles),
    savedMapping: null,
    ...extra,
  };
}

export function progress(rows: number, extra: Partial<ImportProgress> = {}): ImportProgress {
  return { phase: 'reading', rows, bytes: rows * 100, totalBytes: 400_000, rowsPerSecond: 50_000, etaSeconds: 2, ...extra };
}

export function report(extra: Partial<ImportReport> = {}): ImportReport {
  return {
    problems: [],
    problemCount: 0,
    warnings: [],
    sheets: [{ file: 'accounts.csv', kind: 'accounts', rowsRead: 3, rowsImported: 3, rowsSkipped: 0 }],
    accountCount: 3,
    snapshotDates: ['2026-11-01'],
    churnedCount: 1,
    churnDatesKnown: 0,
    ...extra,
  };
}

export function needsDecision(decision: Partial<ImportDecision>, reportExtra: Partial<ImportReport> = {}): Partial<ImportJobStatus> {
  return { state: 'needsDecision', decision: { rowProblems: 0, existingSnapshotDates: [], ...decision }, report: report(reportExtra) };
}

const SUMMARY: WorkspaceSummary = {
  path: '/data/new.hsw',
  name: 'New',
  isDemo: false,
  schemaVersion: 1,
  accountCount: 3,
  churnedCount: 1,
  totalArr: 0,
  snapshotDates: ['2026-11-01'],
  segments: [],
  attributes: [],
  metrics: [],
};

class FakeImportBackend {
  /** What a finished analysis answers: fixed, or worked out from the sources sent (an XLSX sheet). */
  analyses: SheetAnalysis[] | ((sources: ImportSource[]) => SheetAnalysis[]) = [];
  /** What the analysis job answers, poll by poll (after the scripted ones: done with `analyses`). */
  analysisScript: Script = [];
  importScript: Script = [];
  afterCommit: Script = [];
  /** Milliseconds before startImportAnalysis answers (to cancel while it is on its way). */
  startLatencyMs = 0;
  private jobs = new Map<string, { kind: 'analysis' | 'import'; script: Script }>();
  private nextId = 1;

  readonly api = {
    getAppInfo: vi.fn(async () => ({ version: '0.1.0', mode: 'browser' as const, startupMessage: null })),
    getWorkspaceSummary: vi.fn(async () => SUMMARY),
    listRecentWorkspaces: vi.fn(async () => []),
    uploadImportChunk: vi.fn(async (args: Parameters<Api['uploadImportChunk']>[0]) => ({ uploadId: args.uploadId ?? this.id('upload') })),
    startImportAnalysis: vi.fn(async ({ sources }: Parameters<Api['startImportAnalysis']>[0]) => {
      if (this.startLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.startLatencyMs));
      const analysis = typeof this.analyses === 'function' ? this.analyses(sources) : this.analyses;
      const done: Partial<ImportJobStatus> = { state: 'done', analysis };
      return { jobId: this.start('analysis', [...this.analysisScript, done]) };
    }),
    startImport: vi.fn(async (_args: Parameters<Api['startImport']>[0]) => ({ jobId: this.start('import', [...this.importScript]) })),
    getImportJob: vi.fn(async ({ jobId }: { jobId: string }) => {
      const job = this.job(jobId);
      return this.status(jobId, job.script.length > 1 ? job.script.shift()! : job.script[0]);
    }),
    resolveImportJob: vi.fn(async ({ jobId, decision }: { jobId: string; decision: 'commit' | 'abort' }) => {
      const job = this.job(jobId);
      job.script = decision === 'commit' ? [...this.afterCommit] : [{ state: 'cancelled' }];
      return this.status(jobId, job.script[0]);
    }),
    cancelImportJob: vi.fn(async ({ jobId }: { jobId: string }) => {
      this.job(jobId).script = [{ state: 'cancelled' }];
      return this.status(jobId, { state: 'cancelled' });
    }),
  };

  reset() {
    this.analyses = [];
    this.analysisScript = [];
    this.importScript = [{ state: 'done', report: report() }];
    this.afterCommit = [{ state: 'done', report: report() }];
    this.startLatencyMs = 0;
    this.jobs.clear();
    for (const fn of Object.values(this.api)) fn.mockClear();
  }

  /** The mappings the last startImport sent. */
  sentMappings() {
    return this.api.startImport.mock.calls.at(-1)?.[0].mappings ?? [];
  }

  private id(prefix: string): string {
    return `${prefix}-${String(this.nextId++).padStart(8, '0')}`;
  }

  private start(kind: 'analysis' | 'import', script: Script): string {
    const jobId = this.id(kind);
    this.jobs.set(jobId, { kind, script });
    return jobId;
  }

  private job(jobId: string) {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    return job;
  }

  private status(jobId: string, partial: Partial<ImportJobStatus>): ImportJobStatus {
    return { jobId, kind: this.job(jobId).kind, state: 'running', progress: progress(0), ...partial };
  }
}

export const importBackend = new FakeImportBackend();

/** Stands in for `renderer/api/client`. */
export const clientModule = { api: importBackend.api as unknown as Api, transport: 'http' as const };
