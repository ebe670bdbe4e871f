// The desktop security baseline, in one place: sandboxed, isolated renderers without Node; no
// navigation, no new windows, no webviews, no permissions, and no network requests at all — only
// the app's own files load (the app is offline by design).

import { app, session, shell, type WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** True for the app's own renderer files (and nothing else under file://). */
export function isAppUrl(url: string, rendererDir: string): boolean {
  const base = pathToFileURL(rendererDir).href;
  return url === base || url.startsWith(base.endsWith('/') ? base : `${base}/`);
}

/** Opens a link in the user's browser: https only, never file:, javascript: or custom schemes. */
export function openExternalSafely(url: string): void {
  try {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
  } catch {
    // not a URL: ignore
  }
}

export function applySecurityBaseline(rendererDir: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url, rendererDir) || details.url.startsWith('devtools://') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
}
