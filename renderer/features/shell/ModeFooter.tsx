// The status bar: which workspace file is open, and how this window reaches the services.

import type { AppInfo } from '../../../shared/api';
import type { ScoringKernel } from '../scoring/protocol';

interface ModeFooterProps {
  transport: 'ipc' | 'http';
  appInfo: AppInfo | null;
  workspacePath: string | null;
  /** What scores the draft, once known. */
  kernel?: ScoringKernel | null;
}

const KERNEL_HINT = {
  wasm: 'Scoring: WebAssembly SIMD',
  typescript: 'Scoring: JavaScript (WebAssembly unavailable)',
} as const;

const TRANSPORT_HINT = {
  ipc: 'Desktop app · IPC',
  http: 'Browser mode · HTTP on 127.0.0.1',
} as const;

export function ModeFooter({ transport, appInfo, workspacePath, kernel = null }: ModeFooterProps) {
  return (
    <>
      <span className="status-bar__path" title={workspacePath ?? undefined}>
        {workspacePath ?? 'No workspace open'}
      </span>
      <span className="status-bar__mode" data-testid="mode-hint" data-transport={transport}>
        {TRANSPORT_HINT[transport]}
        {kernel ? (
          <span className="status-bar__kernel" data-testid="scoring-kernel" data-kernel={kernel}>
            {' · '}
            {KERNEL_HINT[kernel]}
          </span>
        ) : null}
        {appInfo ? <span className="status-bar__version"> · v{appInfo.version}</span> : null}
      </span>
    </>
  );
}
