// Wires the features together: the frame, the workspace header and its views (the scorecard
// designer, the scored accounts), or the empty state when no workspace is open; the spreadsheet
// import (button in the top bar, files dropped on the window) over all of it.

import { useEffect, useLayoutEffect } from 'react';
import { transport } from './api/client';
import { AccountsPanel } from './features/accounts/AccountsPanel';
import { BacktestView } from './features/backtest';
import { useAccountsStore } from './features/accounts/accountsStore';
import { DesignerView } from './features/designer/DesignerView';
import { useDesignerStore } from './features/designer/designerStore';
import { ImportButton, ImportView, useWindowFileDrop } from './features/import';
import { useUnsavedWarning } from './features/designer/useUnsavedWarning';
import { AppFrame } from './features/shell/AppFrame';
import { useScoringStore } from './features/scoring/scoringStore';
import { ModeFooter } from './features/shell/ModeFooter';
import { ViewTabs } from './features/shell/ViewTabs';
import { useViewStore } from './features/shell/viewStore';
import { EmptyWorkspace } from './features/workspace/EmptyWorkspace';
import { PathDialog } from './features/workspace/PathDialog';
import { WorkspaceHeader } from './features/workspace/WorkspaceHeader';
import { WorkspaceMenu } from './features/workspace/WorkspaceMenu';
import { useWorkspaceStore } from './features/workspace/workspaceStore';

export function App() {
  const status = useWorkspaceStore((s) => s.status);
  const summary = useWorkspaceStore((s) => s.summary);
  const appInfo = useWorkspaceStore((s) => s.appInfo);
  const pathDialog = useWorkspaceStore((s) => s.pathDialog);
  const view = useViewStore((s) => s.view);
  const kernel = useScoringStore((s) => s.kernel);
  const draft = useDesignerStore((s) => s.history?.present ?? null);
  useUnsavedWarning();
  useWindowFileDrop();

  useEffect(() => {
    void useWorkspaceStore.getState().initialize();
  }, []);

  // Every newly opened (or reopened) workspace gets a fresh accounts cache and its own scorecard. A
  // layout effect, so the reset happens before the table's (passive) effect asks for its first page.
  useLayoutEffect(() => {
    if (!summary) return;
    useAccountsStore.getState().resetForWorkspace(summary.path);
    void useDesignerStore.getState().loadForWorkspace();
  }, [summary]);

  return (
    <AppFrame
      topBar={
        <>
          <WorkspaceMenu />
          <ImportButton className="button button--ghost" />
        </>
      }
      footer={<ModeFooter transport={transport} appInfo={appInfo} workspacePath={summary?.path ?? null} kernel={kernel} />}
    >
      {status === 'loading' ? (
        <p className="loading-state" role="status">
          Loading workspace…
        </p>
      ) : summary ? (
        <>
          <WorkspaceHeader summary={summary} />
          <ViewTabs />
          <div id="view-panel" role="tabpanel" aria-labelledby={`view-tab-${view}`} className="view-panel">
            {view === 'designer' ? (
              <DesignerView />
            ) : view === 'accounts' ? (
              <AccountsPanel key={summary.path} summary={summary} />
            ) : draft ? (
              // "Apply as draft" edits the draft like any designer change (undo restores the previous one).
              <BacktestView scorecard={draft} onApplyDraft={(scorecard) => useDesignerStore.getState().edit(scorecard)} />
            ) : (
              <p className="loading-state" role="status">
                Loading the scorecard…
              </p>
            )}
          </div>
        </>
      ) : (
        <EmptyWorkspace />
      )}
      {pathDialog ? <PathDialog kind={pathDialog} /> : null}
      <ImportView />
    </AppFrame>
  );
}
