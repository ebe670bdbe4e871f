// `healthscore import FILE... --workspace W` (W is created when it does not exist; FILE may be
// `book.xlsx#Sheet` for one sheet of a workbook): the app's import pipeline without the UI. The same
// ImportService runs the same worker (analysis, then build and write in one transaction); the
// questions the UI would ask are answered by options: --mapping for the columns, --on-problem for
// rows with problems, --replace for snapshot dates the workspace already has.

import fs from 'node:fs';
import path from 'node:path';
import type { ImportJobStatus } from '../../shared/api';
import { isIsoDate } from '../../shared/dates';
import type { RowProblem, WorkspaceImportReport as ImportReport } from '../../shared/import';
import { ImportService } from '../services/importService';
import { removeWorkspaceFiles } from '../store/openDatabase';
import { WorkspaceStore } from '../store/workspaceStore';
import { UsageError, oneOf, requireOption } from './args';
import { type ImportFileArg, assertDistinctSheets, parseImportFileArg, sourceOf } from './importFileArgs';
import { chooseMappings, readMappingFile } from './importMappings';
import { ProgressLine } from './importProgress';

export interface ImportCommandOptions {
  files: ImportFileArg[];
  workspace: string;
  mappingFile?: string;
  onProblem: 'skip' | 'abort';
  replace: boolean;
  /** The snapshot date of sheets without a date column (default: today). */
  importDate?: string;
  dataDir: string;
}

export interface ImportCommandResult {
  workspace: string;
  /** Per sheet of the import, in order: the file, the sheet when one was named, the mapping's origin. */
  files: { file: string; sheet?: string; mapping: string }[];
  report: ImportReport;
}

const SHOWN_PROBLEMS = 10;

function describeProblem(p: RowProblem): string {
  return `  ${p.message}`;
}

function problemList(report: ImportReport): string {
  const shown = report.problems.slice(0, SHOWN_PROBLEMS).map(describeProblem);
  const more = report.problemCount - shown.length;
  return shown.join('\n') + (more > 0 ? `\n  … and ${more.toLocaleString('en-US')} more` : '');
}

/** Waits until the job needs a decision or ends (progress is shown as it arrives). */
async function follow(service: ImportService, jobId: string, progress: ProgressLine): Promise<ImportJobStatus> {
  try {
    return await service.whenSettled(jobId);
  } finally {
    progress.clear();
  }
}

function failure(status: ImportJobStatus, what: string): Error {
  if (status.state === 'cancelled') return new Error(`${what} was cancelled; the workspace is unchanged.`);
  return new Error(status.error?.message ?? `${what} failed.`);
}

export async function runImportCommand(options: ImportCommandOptions): Promise<ImportCommandResult> {
  const fromFile = options.mappingFile ? readMappingFile(options.mappingFile) : [];
  // Opening checks (and migrates) the workspace before any worker starts. A workspace that does not
  // exist yet is created for the import, and removed again if the import does not land.
  const created = !fs.existsSync(options.workspace);
  const store = created
    ? WorkspaceStore.create(options.workspace, path.basename(options.workspace).replace(/\.[^.]+$/, ''))
    : WorkspaceStore.open(options.workspace);
  let landed = false;
  const progress = new ProgressLine(process.stderr);
  const service = new ImportService({
    dataDir: options.dataDir,
    workspace: () => ({ path: store.path, db: store.db }),
    onImported: () => undefined,
    onProgress: (_jobId, p) => progress.update(p),
  });
  let activeJob: string | null = null;
  let interrupted = false;
  // Ctrl+C cancels the running job (the workspace stays as it was); a second one quits at once.
  const onInterrupt = () => {
    if (interrupted || !activeJob) process.exit(130);
    interrupted = true;
    service.cancel(activeJob);
  };
  process.on('SIGINT', onInterrupt);
  try {
    activeJob = service.startAnalysis(options.files.map(sourceOf)).jobId;
    const analysed = await follow(service, activeJob, progress);
    if (analysed.state !== 'done' || !analysed.analysis) throw failure(analysed, 'The analysis');
    const chosen = chooseMappings(analysed.analysis, fromFile);

    activeJob = service.startImport({ analysisJobId: activeJob, mappings: chosen.map((c) => c.mapping), importDate: options.importDate }).jobId;
    let status = await follow(service, activeJob, progress);
    if (status.state === 'needsDecision') {
      const { rowProblems, existingSnapshotDates } = status.decision!;
      const refusals: string[] = [];
      if (rowProblems > 0 && options.onProblem === 'abort') {
        refusals.push(`${rowProblems.toLocaleString('en-US')} row problem(s); nothing was imported (--on-problem skip imports without those rows):\n${problemList(status.report!)}`);
      }
      if (existingSnapshotDates.length > 0 && !options.replace) {
        refusals.push(`the workspace already has snapshot(s) dated ${existingSnapshotDates.join(', ')}; nothing was imported (--replace replaces them).`);
      }
      if (refusals.length > 0) {
        service.resolve(activeJob, 'abort');
        throw new Error(refusals.join('\n'));
      }
      service.resolve(activeJob, 'commit');
      status = await follow(service, activeJob, progress);
    }
    if (status.state !== 'done' || !status.report) throw failure(status, 'The import');
    landed = true;
    return {
      workspace: store.path,
      files: options.files.map((f, i) => ({ file: f.path, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}), mapping: chosen[i].origin })),
      report: status.report,
    };
  } finally {
    process.off('SIGINT', onInterrupt);
    service.shutdown();
    store.close();
    if (created && !landed) removeWorkspaceFiles(store.path);
  }
}

function sheetLabel(file: string, sheet: string | undefined): string {
  return sheet === undefined ? file : `${file}#${sheet}`;
}

/** The plain-text outcome for people. */
export function formatImportResult(result: ImportCommandResult): string {
  const r = result.report;
  const lines = [
    `Imported ${r.accountCount.toLocaleString('en-US')} accounts (${r.churnedCount.toLocaleString('en-US')} churned) into ${result.workspace}`,
    `Snapshots   ${r.snapshotDates.join(', ') || 'none'}`,
    // The report names a sheet of a workbook read twice "book.xlsx · Sheet": here it is book.xlsx#Sheet.
    ...r.sheets.map((s, i) => `  ${sheetLabel(result.files[i] ? path.basename(result.files[i].file) : s.file, result.files[i]?.sheet)}: ${s.rowsImported.toLocaleString('en-US')} of ${s.rowsRead.toLocaleString('en-US')} rows (${s.kind}, ${result.files[i]?.mapping ?? 'guessed'} mapping)`),
  ];
  if (r.problemCount > 0) lines.push(`Skipped rows with ${r.problemCount.toLocaleString('en-US')} problem(s)`);
  for (const w of r.warnings) lines.push(`Warning: ${w.message}`);
  return lines.join('\n');
}

/** The command line of `import` → options; usage errors (exit 2) for what is missing or malformed. */
export function importOptionsFrom(
  values: { workspace?: string; mapping?: string; 'on-problem'?: string; replace?: boolean; 'as-of'?: string },
  files: string[],
  dataDir: string,
): ImportCommandOptions {
  if (files.length === 0) throw new UsageError('import needs at least one file');
  const fileArgs = files.map(parseImportFileArg);
  assertDistinctSheets(fileArgs);
  const importDate = values['as-of'];
  if (importDate !== undefined && !isIsoDate(importDate)) throw new UsageError(`--as-of must be a YYYY-MM-DD date, got "${importDate}"`);
  return {
    files: fileArgs,
    workspace: requireOption(values.workspace, 'workspace'),
    mappingFile: values.mapping,
    onProblem: oneOf(values['on-problem'], 'on-problem', ['skip', 'abort'] as const, 'abort'),
    replace: values.replace ?? false,
    importDate,
    dataDir,
  };
}
