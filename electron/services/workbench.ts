// The Node-side implementation of the api: one open workspace at a time, the recent list, the demo.
// Transports call it only after validating arguments against shared/apiSchemas.

import type { Api, AppInfo, AppMode, RecentWorkspace, WorkspaceSummary, AccountsPage, AccountsPageRequest } from '../../shared/api';
import { ApiError } from '../../shared/api';
import { WorkspaceStore } from '../store/workspaceStore';
import { AccountsView } from './accountsView';
import { ensureDemoWorkspace } from './demoWorkspace';
import { RecentWorkspaces } from './recentWorkspaces';

export interface WorkbenchOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
}

interface OpenWorkspace {
  store: WorkspaceStore;
  view: AccountsView;
}

export class Workbench implements Api {
  private current: OpenWorkspace | null = null;
  private startupMessage: string | null = null;
  private readonly recent: RecentWorkspaces;

  constructor(private readonly options: WorkbenchOptions) {
    this.recent = new RecentWorkspaces(options.dataDir);
  }

  /**
   * Opens the workspace to start with: the one asked for, else the last one used, else the demo
   * (generated on first start). A refused file leaves the app running with a message, not a crash.
   */
  start(requested?: string): void {
    try {
      const file = requested ?? this.recent.lastExisting() ?? ensureDemoWorkspace(this.options.dataDir);
      this.switchTo(WorkspaceStore.open(file));
    } catch (err) {
      this.startupMessage = err instanceof Error ? err.message : String(err);
    }
  }

  close(): void {
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
    this.current = { store, view };
    this.startupMessage = null;
    this.recent.remember(store.path, store.name);
    return this.summarize(this.current);
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
}
