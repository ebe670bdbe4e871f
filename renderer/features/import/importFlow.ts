// The import's async work: upload the chosen files, run the analysis job, run the import job,
// answer its decision, cancel. Each step polls its job and moves the import store along; one
// operation runs at a time and a newer one (or Cancel) aborts the older one's polling.
// Failures are shown in the flow itself (the step says what failed), never lost.

import type { ImportJobStatus, ImportSource } from '../../../shared/api';
import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';
import { useWorkspaceStore } from '../workspace/workspaceStore';
import { sourceForFile } from './fileSource';
import { useImportStore, workWouldBeLost, type ImportStep } from './importStore';
import { toSheetMapping } from './mappingDraft';
import { isAbort, pollJob } from './pollJob';
import { carryDrafts, keepChosenSheets, withAddedSheet, withoutSheet } from './sheetSources';

interface Operation {
  controller: AbortController;
  /** The job on the Node side, once started (for Cancel and for the decision). */
  jobId: string | null;
  /** Where Cancel leads: the step the operation was started from. */
  returnTo: 'choose' | 'mapping';
}

let current: Operation | null = null;
/** Files already uploaded in this session: going back to add a file does not send the others again. */
let uploaded = new WeakMap<File, ImportSource>();

const store = () => useImportStore.getState();

function begin(returnTo: Operation['returnTo']): Operation {
  current?.controller.abort();
  current = { controller: new AbortController(), jobId: null, returnTo };
  return current;
}

/** Records the job an operation started; a job that started just as the operation was cancelled is stopped too. */
function adopt(op: Operation, jobId: string): void {
  op.jobId = jobId;
  if (!op.controller.signal.aborted) return;
  api.cancelImportJob({ jobId }).catch((error: unknown) => reportError(error, 'Cancelling the import'));
  op.controller.signal.throwIfAborted();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function uploadAll(files: readonly File[], signal: AbortSignal): Promise<ImportSource[]> {
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  const sources: ImportSource[] = [];
  for (const file of files) {
    let source = uploaded.get(file);
    if (!source) {
      const show = (sent: number) => store().setStep({ name: 'uploading', fileName: file.name, sentBytes: before + sent, totalBytes });
      show(0);
      source = await sourceForFile(file, { signal, onProgress: show });
      uploaded.set(file, source);
    }
    sources.push(source);
    before += file.size;
  }
  return sources;
}

/** Analyses `sources`; on success the mapping step shows sheet `active` (default: the one shown before). */
async function analyse(sources: ImportSource[], op: Operation, active = store().activeSheet): Promise<void> {
  store().setStep({ name: 'analysing', progress: null }, null);
  const { jobId } = await api.startImportAnalysis({ sources });
  adopt(op, jobId);
  const status = await pollJob(jobId, op.controller.signal, (s) => {
    if (s.state === 'running') store().setStep({ name: 'analysing', progress: s.progress });
  });
  current = null;
  if (status.state === 'done' && status.analysis) {
    const analyses = status.analysis;
    const { analyses: before, drafts: edited } = store();
    const drafts = carryDrafts(analyses, before, edited);
    useImportStore.setState({ sources, analyses, drafts, analysisJobId: jobId, activeSheet: Math.max(0, Math.min(active, analyses.length - 1)) });
    store().setStep({ name: 'mapping' });
  } else if (status.state === 'cancelled') {
    store().setStep({ name: op.returnTo }, 'Analysis cancelled.');
  } else {
    store().setStep({ name: 'analysisFailed', message: status.error?.message ?? 'The analysis stopped without a result.' });
  }
}

/** Uploads what is not uploaded yet, then analyses every chosen file. */
export async function analyseFiles(): Promise<void> {
  const files = store().files;
  if (files.length === 0) return;
  const op = begin('choose');
  try {
    const sources = keepChosenSheets(await uploadAll(files, op.controller.signal), store().sources);
    await analyse(sources, op);
  } catch (error) {
    if (isAbort(error)) return;
    current = null;
    // An upload the host no longer knows must be sent again next time.
    uploaded = new WeakMap();
    store().setStep({ name: 'analysisFailed', message: messageOf(error) });
  }
}

/** Re-analyses after the sheets of the import changed; a failure is shown, Cancel keeps the sheets as they were. */
async function reanalyse(sources: ImportSource[], active?: number): Promise<void> {
  const op = begin('mapping');
  try {
    await analyse(sources, op, active);
  } catch (error) {
    if (isAbort(error)) return;
    current = null;
    store().setStep({ name: 'analysisFailed', message: messageOf(error) });
  }
}

/** XLSX: sheet `index` reads another sheet of its workbook (the other sheets keep their edits). */
export async function pickSheet(index: number, sheet: string): Promise<void> {
  await reanalyse(store().sources.map((s, i) => (i === index ? { ...s, sheet } : s)));
}

/** XLSX: another sheet of the workbook of sheet `index` joins the import as a sheet of its own, and is shown. */
export async function addSheet(index: number, sheet: string): Promise<void> {
  const { sources, added } = withAddedSheet(store().sources, store().analyses, index, sheet);
  await reanalyse(sources, added);
}

/** Sheet `index` leaves the import (its workbook's other sheets stay). */
export async function removeSheet(index: number): Promise<void> {
  const active = store().activeSheet;
  await reanalyse(withoutSheet(store().sources, index), active > index ? active - 1 : Math.max(0, Math.min(active, index - 1)));
}

function settleImport(status: ImportJobStatus): void {
  const report = status.report ?? null;
  switch (status.state) {
    case 'running':
      store().setStep({ name: 'importing', progress: status.progress });
      return;
    case 'needsDecision':
      store().setStep({ name: 'decision', report, decision: status.decision ?? { rowProblems: 0, existingSnapshotDates: [] }, resolving: false });
      return;
    case 'done':
      current = null;
      store().setStep({ name: 'done', report });
      // The workspace now holds the imported data: reload its summary (and so the accounts table).
      void useWorkspaceStore.getState().initialize();
      return;
    case 'cancelled':
      current = null;
      store().setStep({ name: 'mapping' }, 'Import cancelled: nothing was written.');
      return;
    case 'failed':
      current = null;
      store().setStep({ name: 'importFailed', message: status.error?.message ?? 'The import stopped without saying why.' });
  }
}

async function follow(op: Operation, jobId: string): Promise<void> {
  const status = await pollJob(jobId, op.controller.signal, (s) => {
    if (s.state === 'running') store().setStep({ name: 'importing', progress: s.progress });
  });
  settleImport(status);
}

function failImport(error: unknown): void {
  if (isAbort(error)) return;
  current = null;
  store().setStep({ name: 'importFailed', message: messageOf(error) });
}

/** Builds and writes the dataset with the confirmed mappings (one per analysed sheet, same order). */
export async function startImport(): Promise<void> {
  const { analysisJobId, drafts } = store();
  if (!analysisJobId) return;
  const op = begin('mapping');
  store().setStep({ name: 'importing', progress: null }, null);
  try {
    const { jobId } = await api.startImport({ analysisJobId, mappings: drafts.map(toSheetMapping) });
    adopt(op, jobId);
    await follow(op, jobId);
  } catch (error) {
    failImport(error);
  }
}

/** Answers the import's question: commit (skip problem rows, replace dates) or abort. */
export async function resolveDecision(decision: 'commit' | 'abort'): Promise<void> {
  const step = store().step;
  const op = current;
  if (step.name !== 'decision' || !op?.jobId) return;
  store().setStep({ ...step, resolving: true });
  try {
    const status = await api.resolveImportJob({ jobId: op.jobId, decision });
    if (decision === 'abort') {
      current = null;
      store().setStep({ name: 'mapping' }, 'Import aborted: nothing was written.');
      return;
    }
    settleImport(status);
    if (status.state === 'running') await follow(op, op.jobId);
  } catch (error) {
    failImport(error);
  }
}

const CANCELLED_NOTICE: Partial<Record<ImportStep['name'], string>> = {
  uploading: 'Upload cancelled.',
  analysing: 'Analysis cancelled.',
  importing: 'Import cancelled: nothing was written.',
};

/** The Cancel button of a progress step: stop polling, tell the Node side, go back one step. */
export async function cancelRunning(): Promise<void> {
  const op = current;
  const from = store().step.name;
  if (!op) return;
  current = null;
  op.controller.abort();
  let status: ImportJobStatus | null = null;
  if (op.jobId) {
    try {
      status = await api.cancelImportJob({ jobId: op.jobId });
    } catch (error) {
      reportError(error, 'Cancelling the import');
    }
  }
  // Too late to cancel: the import had already been written.
  if (from === 'importing' && status?.state === 'done') return settleImport(status);
  store().setStep({ name: op.returnTo }, CANCELLED_NOTICE[from] ?? null);
}

/** Closes the flow, first stopping whatever the Node side is still doing for it. */
export function discardImport(): void {
  const op = current;
  const step = store().step.name;
  current = null;
  if (op) {
    op.controller.abort();
    if (op.jobId) {
      const stop = step === 'decision' ? api.resolveImportJob({ jobId: op.jobId, decision: 'abort' }) : api.cancelImportJob({ jobId: op.jobId });
      stop.catch((error: unknown) => reportError(error, 'Cancelling the import'));
    }
  }
  uploaded = new WeakMap();
  store().reset();
}

/** Escape or Close: closes now, or asks first when chosen files, answers or a running job would be lost. */
export function requestClose(): void {
  const state = store();
  if (workWouldBeLost(state)) state.setConfirmingDiscard(true);
  else discardImport();
}
