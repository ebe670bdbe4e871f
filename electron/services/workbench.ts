// The Node-side implementation of the api: one open workspace at a time, the recent list, the demo.
// Transports call it only after validating arguments against shared/apiSchemas.

import type {
  AccountsPage,
  AccountsPageRequest,
  Api,
  AppInfo,
  AppMode,
  ImportJobStatus,
  ImportSource,
  RecentWorkspace,
  ScorecardRef,
  ScorecardState,
  ScorecardVersionInfo,
  ScoringDataTransfer,
  WorkspaceSummary,
} from '../../shared/api';
import { ApiError } from '../../shared/api';
import { packColumn, packStrings } from '../../shared/columnTransfer';
import { isoToEpochDay } from '../../shared/dates';
import type { ScorecardChange } from '../../shared/scorecard/diff';
import type { ImportMapping } from '../../shared/import';
import type { Scorecard } from '../../shared/scorecard/types';
import { WorkspaceStore } from '../store/workspaceStore';
import { AccountsView } from './accountsView';
import { ensureDemoWorkspace } from './demoWorkspace';
import { ImportService, type ImportServiceOptions } from './importService';
import { RecentWorkspaces } from './recentWorkspaces';
import { ScorecardService } from './scorecards';
import { loadScoringData } from './scoringData';

export interface WorkbenchOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
  /** Import worker settings (tests point at a freshly built worker, shorten timeouts). */
  imports?: Partial<Pick<ImportServiceOptions, 'workerFile' | 'ttls' | 'cancelGraceMs' | 'holdImportsBeforeCommit' | 'splitMinBytes'>>;
}

interface OpenWorkspace {
  store: WorkspaceStore;
  view: AccountsView;
  scorecards: ScorecardService;
}

export class Workbench implements Api {
  private current: OpenWorkspace | null = null;
  private startupMessage: string | null = null;
  private readonly recent: RecentWorkspaces;
  private readonly imports: ImportService;

  constructor(private readonly options: WorkbenchOptions) {
    this.recent = new RecentWorkspaces(options.dataDir);
    this.imports = new ImportService({
      ...options.imports,
      dataDir: options.dataDir,
      workspace: () => (this.current ? { path: this.current.store.path, db: this.current.store.db } : null),
      onImported: (file) => {
        if (this.current?.store.path === file) this.reloadCurrent();
      },
    });
  }

  /**
   * Opens the workspace to start with: the one asked for, else the last one used, else the demo
   * (generated on first start). A refused file leaves the app running with a message, not a crash.
   */
  start(requested?: string): void {
    try {
      this.imports.removeStaleUploads();
    } catch {
      // Housekeeping only.
    }
    try {
      const file = requested ?? this.recent.lastExisting() ?? ensureDemoWorkspace(this.options.dataDir);
      this.switchTo(WorkspaceStore.open(file));
    } catch (err) {
      this.startupMessage = err instanceof Error ? err.message : String(err);
    }
  }

  close(): void {
    this.imports.shutdown();
    this.current?.store.close();
    this.current = null;
  }

  get workspacePath(): string | null {
    return this.current?.store.path ?? null;
  }

  private switchTo(store: WorkspaceStore): WorkspaceSummary {
    let view: AccountsView;
    try {
      view = new AccountsView(store);
    } catch (err) {
      store.close();
      throw new ApiError('workspace_refused', `Cannot read workspace "${store.path}": ${(err as Error).message}`);
    }
    this.current?.store.close();
    this.current = { store, view, scorecards: new ScorecardService(store) };
    this.startupMessage = null;
    this.recent.remember(store.path, store.name);
    return this.summarize(this.current);
  }

  /** Rebuilds the views of the open workspace after its data changed on another connection (an import). */
  reloadCurrent(): void {
    if (!this.current) return;
    this.current.view = new AccountsView(this.current.store);
  }

  private summarize({ store, view }: OpenWorkspace): WorkspaceSummary {
    return {
      path: store.path,
      name: store.name,
      isDemo: store.isDemo,
      schemaVersion: store.schemaVersion,
      accountCount: view.size,
      churnedCount: view.churnedCount,
      totalArr: view.totalArr,
      snapshotDates: store.listSnapshots().map((s) => s.asOf),
      segments: view.segmentCounts(),
      attributes: store.listFields('attribute'),
      metrics: store.listFields('metric'),
    };
  }

  private requireWorkspace(): OpenWorkspace {
    if (!this.current) throw new ApiError('no_workspace', 'No workspace is open. Open the demo or another workspace first.');
    return this.current;
  }

  async getAppInfo(): Promise<AppInfo> {
    return { version: this.options.version, mode: this.options.mode, startupMessage: this.startupMessage };
  }

  async getWorkspaceSummary(): Promise<WorkspaceSummary | null> {
    return this.current ? this.summarize(this.current) : null;
  }

  async openWorkspace(args: { path: string }): Promise<WorkspaceSummary> {
    return this.switchTo(WorkspaceStore.open(args.path));
  }

  async createWorkspace(args: { path: string; name?: string }): Promise<WorkspaceSummary> {
    const name = args.name ?? args.path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    return this.switchTo(WorkspaceStore.create(args.path, name));
  }

  async openDemoWorkspace(): Promise<WorkspaceSummary> {
    return this.switchTo(WorkspaceStore.open(ensureDemoWorkspace(this.options.dataDir)));
  }

  async listRecentWorkspaces(): Promise<RecentWorkspace[]> {
    return this.recent.list();
  }

  async listAccounts(args: AccountsPageRequest): Promise<AccountsPage> {
    return this.requireWorkspace().view.page(args);
  }

  async getScorecard(): Promise<ScorecardState> {
    return this.requireWorkspace().scorecards.state();
  }

  async saveScorecardDraft(args: { scorecard: Scorecard }): Promise<{ draftUpdatedAt: string }> {
    return this.requireWorkspace().scorecards.saveDraft(args.scorecard);
  }

  async saveScorecardVersion(args: { message: string }): Promise<ScorecardVersionInfo> {
    return this.requireWorkspace().scorecards.saveVersion(args.message);
  }

  async getScorecardVersion(args: { version: number }): Promise<Scorecard> {
    return this.requireWorkspace().scorecards.version(args.version);
  }

  async diffScorecards(args: { from: ScorecardRef; to: ScorecardRef }): Promise<ScorecardChange[]> {
    return this.requireWorkspace().scorecards.diff(args.from, args.to);
  }

  async importScorecardFile(args: { text: string; fileName: string }): Promise<ScorecardState> {
    return this.requireWorkspace().scorecards.importFile(args.text, args.fileName);
  }

  async exportScorecardFile(args: { version?: number }): Promise<{ fileName: string; text: string }> {
    return this.requireWorkspace().scorecards.exportFile(args.version);
  }

  async getScoringData(args: { asOf?: string }): Promise<ScoringDataTransfer | null> {
    const { store } = this.requireWorkspace();
    const data = loadScoringData(store, args.asOf);
    if (!data) return null;
    const n = data.keys.length;
    const churnDay = new Float64Array(n).fill(Number.NaN);
    const churnUndated = new Uint8Array(n);
    for (const [idx, date] of store.readChurn()) {
      if (date === null) churnUndated[idx] = 1;
      else churnDay[idx] = isoToEpochDay(date);
    }
    return {
      asOf: data.asOf,
      snapshotDay: data.snapshotDay,
      snapshotDates: store.listSnapshots().map((s) => s.asOf),
      accountCount: n,
      keys: packStrings(data.keys),
      arr: data.arr ?? new Float64Array(n).fill(Number.NaN),
      present: data.present ?? new Uint8Array(n).fill(1),
      attributes: data.attributes.map(packColumn),
      metrics: data.metrics.map(packColumn),
      churnDay,
      churnUndated,
    };
  }

  async uploadImportChunk(args: { uploadId?: string; fileName: string; offset: number; chunk: Uint8Array; done: boolean }): Promise<{ uploadId: string }> {
    return this.imports.uploadChunk(args);
  }

  async startImportAnalysis(args: { sources: ImportSource[] }): Promise<{ jobId: string }> {
    return this.imports.startAnalysis(args.sources);
  }

  async startImport(args: { analysisJobId: string; mappings: ImportMapping[]; importDate?: string }): Promise<{ jobId: string }> {
    return this.imports.startImport(args);
  }

  async getImportJob(args: { jobId: string }): Promise<ImportJobStatus> {
    return this.imports.getJob(args.jobId);
  }

  async resolveImportJob(args: { jobId: string; decision: 'commit' | 'abort' }): Promise<ImportJobStatus> {
    return this.imports.resolve(args.jobId, args.decision);
  }

  async cancelImportJob(args: { jobId: string }): Promise<ImportJobStatus> {
    return this.imports.cancel(args.jobId);
  }
}
