// The window's frame: top bar, error banners, the page, and a status footer.

import type { ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';
import { LogoMark } from './icons';

interface AppFrameProps {
  /** Workspace switcher and the like, placed next to the product name. */
  topBar: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}

export function AppFrame({ topBar, footer, children }: AppFrameProps) {
  return (
    <div className="app-frame">
      <header className="top-bar">
        <div className="top-bar__brand">
          <LogoMark className="logo-mark" />
          <span className="top-bar__product">Healthscore Workbench</span>
        </div>
        <span className="top-bar__divider" aria-hidden="true" />
        {topBar}
      </header>
      <ErrorBanner />
      <main className="app-frame__main">{children}</main>
      <footer className="status-bar">{footer}</footer>
    </div>
  );
}
