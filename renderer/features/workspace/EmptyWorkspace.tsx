// Shown when no workspace is open (e.g. the default one was refused at start-up): says why and
// offers the ways out.

import { useWorkspaceStore } from './workspaceStore';

export function EmptyWorkspace() {
  const startupMessage = useWorkspaceStore((s) => s.appInfo?.startupMessage ?? null);
  const busy = useWorkspaceStore((s) => s.busy);
  const { openDemo, showPathDialog } = useWorkspaceStore.getState();
  return (
    <section className="empty-state" data-testid="empty-workspace" aria-labelledby="empty-title">
      <h1 id="empty-title" className="empty-state__title">
        No workspace is open
      </h1>
      <p className="empty-state__reason" data-testid="startup-message">
        {startupMessage ?? 'Open the demo workspace to look around, or open or create a workspace file.'}
      </p>
      <div className="empty-state__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void openDemo()}>
          Open demo workspace
        </button>
        <button type="button" className="button" onClick={() => showPathDialog('open')}>
          Open workspace…
        </button>
        <button type="button" className="button" onClick={() => showPathDialog('create')}>
          New workspace…
        </button>
      </div>
    </section>
  );
}
