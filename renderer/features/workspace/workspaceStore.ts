// Which workspace is open, what it holds (the summary), the recent list, and the path dialog.
// Every action goes through the typed api; failures go to the error banner and leave the current
// workspace as it was.

import { create } from 'zustand';
import type { AppInfo, RecentWorkspace, WorkspaceSummary } from '../../../shared/api';
import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';

export type WorkspaceStatus = 'loading' | 'ready' | 'empty';
export type PathDialogKind = 'open' | 'create';

interface WorkspaceState {
  status: WorkspaceStatus;
  appInfo: AppInfo | null;
  summary: WorkspaceSummary | null;
  recent: RecentWorkspace[];
  /** An open/create call is in flight (buttons disable, nothing is sent twice). */
  busy: boolean;
  pathDialog: PathDialogKind | null;

  initialize(): Promise<void>;
  refreshRecent(): Promise<void>;
  openDemo(): Promise<boolean>;
  openPath(path: string): Promise<boolean>;
  createAt(path: string, name?: string): Promise<boolean>;
  showPathDialog(kind: PathDialogKind): void;
  closePathDialog(): void;
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => {
  /** Runs one open/create call; on success the returned summary replaces the current one. */
  async function switchTo(context: string, call: () => Promise<WorkspaceSummary>): Promise<boolean> {
    if (get().busy) return false;
    set({ busy: true });
    try {
      const summary = await call();
      set({ summary, status: 'ready', pathDialog: null });
      void get().refreshRecent();
      return true;
    } catch (error) {
      reportError(error, context);
      return false;
    } finally {
      set({ busy: false });
    }
  }

  return {
    status: 'loading',
    appInfo: null,
    summary: null,
    recent: [],
    busy: false,
    pathDialog: null,

    async initialize() {
      set({ status: 'loading' });
      const [info, summary, recent] = await Promise.allSettled([
        api.getAppInfo({}),
        api.getWorkspaceSummary({}),
        api.listRecentWorkspaces({}),
      ]);
      if (info.status === 'fulfilled') set({ appInfo: info.value });
      else reportError(info.reason, 'Reading the app information');
      if (recent.status === 'fulfilled') set({ recent: recent.value });
      else reportError(recent.reason, 'Listing recent workspaces');
      if (summary.status === 'fulfilled') {
        set({ summary: summary.value, status: summary.value ? 'ready' : 'empty' });
      } else {
        reportError(summary.reason, 'Loading the workspace');
        set({ summary: null, status: 'empty' });
      }
    },

    async refreshRecent() {
      try {
        set({ recent: await api.listRecentWorkspaces({}) });
      } catch (error) {
        reportError(error, 'Listing recent workspaces');
      }
    },

    openDemo: () => switchTo('Opening the demo workspace', () => api.openDemoWorkspace({})),
    openPath: (path) => switchTo('Opening the workspace', () => api.openWorkspace({ path })),
    createAt: (path, name) =>
      switchTo('Creating the workspace', () => api.createWorkspace(name ? { path, name } : { path })),

    showPathDialog: (kind) => set({ pathDialog: kind }),
    closePathDialog: () => set({ pathDialog: null }),
  };
});
