// Entry point of the import worker (bundled as dist/electron/importWorker.cjs). It runs one job
// from workerData, analysis or import, off the main thread: the Electron main process and the
// browser-mode host stay responsive while a 130 MB file is read, built and written. It runs the
// same under Electron and plain Node (only node: modules and better-sqlite3).

import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api';
import { ImportError, toSavedMapping } from '../../shared/import';
import { analyseSheets } from './analyseSheets';
import { buildImport } from './buildImport';
import { runHalfRead } from './halfRead';
import { ProgressMeter } from './progressMeter';
import { totalBytesOf } from './sourceFiles';
import { CancelFlag, type ImportRequest, JobCancelled, type MainMessage, type WorkerFailure, type WorkerMessage, type WorkerRequest } from './workerProtocol';
import { checkpointAfterImport, commitImport, findExistingDates } from './writeImport';

if (!parentPort) throw new Error('importWorker must run as a worker thread');
const port = parentPort;

const post = (message: WorkerMessage) => port.postMessage(message);

function failureOf(err: unknown): WorkerFailure {
  if (err instanceof ImportError) return { code: 'invalid_argument', message: err.message };
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  return { code: 'internal', message: `Unexpected error while importing: ${(err as Error)?.message ?? String(err)}` };
}

function nextDecision(): Promise<MainMessage['decision']> {
  return new Promise((resolve) => port.once('message', (message: MainMessage) => resolve(message.decision)));
}

async function runImport(request: ImportRequest, meter: ProgressMeter, cancel: CancelFlag): Promise<void> {
  // This bundle is also the helper that reads the second half of a big delimited file.
  const { dataset, report } = await buildImport(request, meter, cancel, __filename);
  cancel.check();
  const existing = findExistingDates(request.workspacePath, report.snapshotDates);
  if (report.problemCount > 0 || existing.length > 0) {
    post({ type: 'needsDecision', report, decision: { rowProblems: report.problemCount, existingSnapshotDates: existing } });
    if ((await nextDecision()) === 'abort') return post({ type: 'cancelled' });
    cancel.check();
  }
  const savedAt = new Date().toISOString();
  meter.startPhase('writing', 0, meter.current.totalBytes);
  commitImport({
    workspacePath: request.workspacePath,
    dataset,
    source: request.sources.map((s) => s.fileName).join(', '),
    replaceSnapshots: existing.length > 0,
    mappings: request.mappings.map((m) => toSavedMapping(m, { savedAt })),
    meter,
    cancel,
    beforeCommit: () => post({ type: 'committing' }),
    holdBeforeCommit: request.holdBeforeCommit,
  });
  post({ type: 'done', report });
  checkpointAfterImport(request.workspacePath);
  post({ type: 'released' });
}

async function run(request: WorkerRequest): Promise<void> {
  if (request.kind === 'half') return runHalfRead(request, (message, transfer) => port.postMessage(message, transfer));
  const cancel = new CancelFlag(request.cancel);
  const meter = new ProgressMeter(totalBytesOf(request.sources), (progress) => post({ type: 'progress', progress }));
  try {
    if (request.kind === 'analysis') post({ type: 'analysed', sheets: await analyseSheets(request.sources, meter, cancel) });
    else await runImport(request, meter, cancel);
  } catch (err) {
    post(err instanceof JobCancelled ? { type: 'cancelled' } : { type: 'failed', error: failureOf(err) });
  }
}

void run(workerData as WorkerRequest);
