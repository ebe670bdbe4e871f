// The status bar: which workspace file is open, and how this window reaches the services.

import type { AppInfo } from '../../../shared/api';

interface ModeFooterProps {
  transport: 'ipc' | 'http';
  appInfo: AppInfo | null;
  workspacePath: string | null;
}

const TRANSPORT_HINT = {
  ipc: 'Desktop app · IPC',
  http: 'Browser mode · HTTP on 127.0.0.1',
} as const;

export function ModeFooter({ transport, appInfo, workspacePath }: ModeFooterProps) {
  return (
    <>
      <span className="status-bar__path" title={workspacePath ?? undefined}>
        {workspacePath ?? 'No workspace open'}
      </span>
      <span className="status-bar__mode" data-testid="mode-hint" data-transport={transport}>
        {TRANSPORT_HINT[transport]}
        {appInfo ? <span className="status-bar__version"> · v{appInfo.version}</span> : null}
      </span>
    </>
  );
}
