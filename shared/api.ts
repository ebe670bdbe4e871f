// The one contract between the UI and the Node-side services. Every method takes one plain
// argument object and returns a promise; the desktop (IPC) and browser-mode (HTTP) transports are
// both generic over this interface, so a method is added here once, given an argument schema in
// apiSchemas.ts, and implemented once in electron/services.

import type { TransferColumn } from './columnTransfer';
import type { FieldDef } from './dataset';
import type { WorkspaceImportReport } from './import/events';
import type { ColumnProfile } from './import/inferColumn';
import type { ImportMapping, MappingGuess } from './import/mapping';
import type { ScorecardChange } from './scorecard/diff';
import type { Scorecard } from './scorecard/types';

export type AppMode = 'desktop' | 'browser';

export interface AppInfo {
  version: string;
  mode: AppMode;
  /** Why the app fell back or what failed at start-up (e.g. the default workspace was refused). */
  startupMessage: string | null;
}

export interface SegmentCount {
  name: string;
  accounts: number;
}

export interface WorkspaceSummary {
  path: string;
  name: string;
  isDemo: boolean;
  schemaVersion: number;
  accountCount: number;
  churnedCount: number;
  totalArr: number;
  /** `YYYY-MM-DD`, ascending. */
  snapshotDates: string[];
  /** Accounts per value of the `segment` attribute, largest first (empty when there is none). */
  segments: SegmentCount[];
  attributes: FieldDef[];
  metrics: FieldDef[];
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export const ACCOUNT_SORT_COLUMNS = ['name', 'key', 'segment', 'arr', 'churnDate'] as const;
export type AccountSortColumn = (typeof ACCOUNT_SORT_COLUMNS)[number];

export interface AccountsPageRequest {
  offset: number;
  limit: number;
  sort?: { column: AccountSortColumn; direction: 'asc' | 'desc' };
  /** Case-insensitive substring of the account name or id. */
  search?: string;
  /** Only accounts of this `segment` attribute value. */
  segment?: string;
}

export type AttributeValue = string | number | boolean | null;

export interface AccountRow {
  /** Position in the workspace's columns; stable while the workspace is open. */
  index: number;
  key: string;
  name: string;
  segment: string | null;
  arr: number | null;
  churned: boolean;
  churnDate: string | null;
  /** Latest snapshot in which the account has a row. */
  lastSnapshot: string | null;
  /** Attribute values by attribute name (dates as `YYYY-MM-DD`). */
  attributes: Record<string, AttributeValue>;
}

export interface AccountsPage {
  /** Accounts matching the search and filter, before paging. */
  total: number;
  offset: number;
  rows: AccountRow[];
}

export interface ScorecardVersionInfo {
  version: number;
  message: string;
  createdAt: string;
}

export interface ScorecardState {
  name: string;
  draft: Scorecard;
  draftUpdatedAt: string;
  /** Newest first. */
  versions: ScorecardVersionInfo[];
  /** When the draft was just proposed from the data: what the proposal did and why. */
  notes: string[];
}

/** A saved version number, or the current draft. */
export type ScorecardRef = number | 'draft';

/** One snapshot of the open workspace as columns, for the scoring worker (typed arrays travel as bytes). */
export interface ScoringDataTransfer {
  asOf: string;
  snapshotDay: number;
  snapshotDates: string[];
  accountCount: number;
  /** Account ids joined by NUL (see columnTransfer.packStrings). */
  keys: string;
  arr: Float64Array;
  present: Uint8Array;
  attributes: TransferColumn[];
  metrics: TransferColumn[];
  /** Earliest churn date per account in epoch days; NaN = not churned or date unknown. */
  churnDay: Float64Array;
  /** 1 where the account churned but no date is known. */
  churnUndated: Uint8Array;
}

/** A file to import: a path on this computer (desktop, CLI) or an upload (browser mode). */
export interface ImportSource {
  fileName: string;
  path?: string;
  uploadId?: string;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
}

/** What the analysis of one file found: its columns, their profiles and a proposed mapping. */
export interface SheetAnalysis {
  source: ImportSource;
  /** XLSX: every sheet's name; empty for delimited text. */
  sheetNames: string[];
  /** Delimited text: the encoding and delimiter detected. */
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** The first rows as text, for the preview. */
  previewRows: string[][];
  rowCount: number;
  profiles: ColumnProfile[];
  /** The guess from names and profiles, with the questions the user must answer (ambiguous dates…). */
  guess: MappingGuess;
  /** A mapping saved by an earlier import of a file with the same headers, if any. */
  savedMapping: ImportMapping | null;
}

export interface ImportProgress {
  phase: 'reading' | 'analysing' | 'building' | 'writing';
  rows: number;
  bytes: number;
  totalBytes: number;
  rowsPerSecond: number;
  /** Seconds left, when it can be estimated. */
  etaSeconds: number | null;
}

/** What an import needs decided before it writes anything. */
export interface ImportDecision {
  /** Row problems found (the report lists them): skip those rows, or abort. */
  rowProblems: number;
  /** Snapshot dates that the workspace already has: replace them, or abort. */
  existingSnapshotDates: string[];
}

export type ImportJobState = 'running' | 'needsDecision' | 'done' | 'failed' | 'cancelled';

export interface ImportJobStatus {
  jobId: string;
  kind: 'analysis' | 'import';
  state: ImportJobState;
  progress: ImportProgress;
  /** analysis jobs, when done. */
  analysis?: SheetAnalysis[];
  /** import jobs: the report once built (also while a decision is needed). */
  report?: WorkspaceImportReport;
  decision?: ImportDecision;
  error?: { code: ApiErrorCode; message: string };
}

export interface Api {
  getAppInfo(args: Record<string, never>): Promise<AppInfo>;
  /** null when no workspace is open (e.g. the last one was refused). */
  getWorkspaceSummary(args: Record<string, never>): Promise<WorkspaceSummary | null>;
  openWorkspace(args: { path: string }): Promise<WorkspaceSummary>;
  /** Creates an empty workspace file (refuses to overwrite an existing file) and opens it. */
  createWorkspace(args: { path: string; name?: string }): Promise<WorkspaceSummary>;
  /** Opens the demo workspace in the data folder, generating it if it does not exist. */
  openDemoWorkspace(args: Record<string, never>): Promise<WorkspaceSummary>;
  listRecentWorkspaces(args: Record<string, never>): Promise<RecentWorkspace[]>;
  listAccounts(args: AccountsPageRequest): Promise<AccountsPage>;
  /** The workspace's scorecard; proposes a default one from the data on first use. */
  getScorecard(args: Record<string, never>): Promise<ScorecardState>;
  /** Autosave of the draft; the scorecard is fully validated first. */
  saveScorecardDraft(args: { scorecard: Scorecard }): Promise<{ draftUpdatedAt: string }>;
  saveScorecardVersion(args: { message: string }): Promise<ScorecardVersionInfo>;
  getScorecardVersion(args: { version: number }): Promise<Scorecard>;
  diffScorecards(args: { from: ScorecardRef; to: ScorecardRef }): Promise<ScorecardChange[]>;
  /** A scorecard file's text becomes the draft. */
  importScorecardFile(args: { text: string; fileName: string }): Promise<ScorecardState>;
  exportScorecardFile(args: { version?: number }): Promise<{ fileName: string; text: string }>;
  /** The snapshot dated `asOf` (default: the latest) as columns; null when there are no snapshots. */
  getScoringData(args: { asOf?: string }): Promise<ScoringDataTransfer | null>;
  /** Browser mode: sends a file in chunks (in order); the last chunk has `done`. */
  uploadImportChunk(args: { uploadId?: string; fileName: string; offset: number; chunk: Uint8Array; done: boolean }): Promise<{ uploadId: string }>;
  /** Reads and profiles the files off the main thread; poll getImportJob. */
  startImportAnalysis(args: { sources: ImportSource[] }): Promise<{ jobId: string }>;
  /** Builds the dataset with the confirmed mappings (one per analysed sheet, same order) and writes it in one transaction. */
  startImport(args: { analysisJobId: string; mappings: ImportMapping[]; importDate?: string }): Promise<{ jobId: string }>;
  getImportJob(args: { jobId: string }): Promise<ImportJobStatus>;
  /** Answers a job in 'needsDecision': commit (skipping problem rows, replacing existing dates) or abort. */
  resolveImportJob(args: { jobId: string; decision: 'commit' | 'abort' }): Promise<ImportJobStatus>;
  cancelImportJob(args: { jobId: string }): Promise<ImportJobStatus>;
}

export type ApiMethod = keyof Api;
export type ApiArgs<M extends ApiMethod> = Parameters<Api[M]>[0];
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<Api[M]>>;

/** The method names as a value (the preload and the HTTP client need them at run time). */
export const API_METHODS = [
  'getAppInfo',
  'getWorkspaceSummary',
  'openWorkspace',
  'createWorkspace',
  'openDemoWorkspace',
  'listRecentWorkspaces',
  'listAccounts',
  'getScorecard',
  'saveScorecardDraft',
  'saveScorecardVersion',
  'getScorecardVersion',
  'diffScorecards',
  'importScorecardFile',
  'exportScorecardFile',
  'getScoringData',
  'uploadImportChunk',
  'startImportAnalysis',
  'startImport',
  'getImportJob',
  'resolveImportJob',
  'cancelImportJob',
] as const satisfies readonly ApiMethod[];

// Fails to compile when API_METHODS and the interface disagree.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const API_METHODS_COMPLETE: SameKeys<(typeof API_METHODS)[number], ApiMethod> = true;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

export type ApiErrorCode =
  | 'invalid_argument'
  | 'unknown_method'
  | 'not_found'
  | 'no_workspace'
  | 'no_data'
  | 'workspace_refused'
  | 'already_exists'
  | 'internal';

/** What crosses a transport: a value or an error with a code and a message for people. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Unwraps an envelope on the client side, turning an error back into a thrown ApiError. */
export function unwrapEnvelope<T>(envelope: ApiEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

/** What the desktop preload exposes on `window.healthscoreBridge`: each method answers an envelope. */
export type ApiBridge = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiEnvelope<ApiResult<M>>> };

/** The single IPC channel of the desktop transport: invoke(channel, method, args) → envelope. */
export const IPC_API_CHANNEL = 'healthscore:api';
