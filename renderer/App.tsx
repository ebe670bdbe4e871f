// Wires the features together: the frame, the workspace (or the empty state), the accounts table.

import { useEffect, useLayoutEffect } from 'react';
import { transport } from './api/client';
import { AccountsPanel } from './features/accounts/AccountsPanel';
import { useAccountsStore } from './features/accounts/accountsStore';
import { AppFrame } from './features/shell/AppFrame';
import { ModeFooter } from './features/shell/ModeFooter';
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
  const segment = useAccountsStore((s) => s.query.segment);
  const setSegment = useAccountsStore((s) => s.setSegment);

  useEffect(() => {
    void useWorkspaceStore.getState().initialize();
  }, []);

  // Every newly opened (or reopened) workspace gets a fresh accounts cache. A layout effect, so the
  // reset happens before the table's (passive) effect asks for its first page.
  useLayoutEffect(() => {
    if (summary) useAccountsStore.getState().resetForWorkspace(summary.path);
  }, [summary]);

  return (
    <AppFrame
      topBar={<WorkspaceMenu />}
      footer={<ModeFooter transport={transport} appInfo={appInfo} workspacePath={summary?.path ?? null} />}
    >
      {status === 'loading' ? (
        <p className="loading-state" role="status">
          Loading workspace…
        </p>
      ) : summary ? (
        <>
          <WorkspaceHeader summary={summary} selectedSegment={segment} onSelectSegment={setSegment} />
          <AccountsPanel key={summary.path} summary={summary} />
        </>
      ) : (
        <EmptyWorkspace />
      )}
      {pathDialog ? <PathDialog kind={pathDialog} /> : null}
    </AppFrame>
  );
}
