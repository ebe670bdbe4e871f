// The app's security policy as data and predicates, free of Electron's runtime so tests can check
// it directly; windowSecurity.ts and appProtocol.ts apply it to Electron.

import path from 'node:path';
import type { WebPreferences } from 'electron';

/** The one Content-Security-Policy: the HTTP host and the app protocol send it, index.html carries it (a test keeps them equal). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets the scoring worker compile its WebAssembly kernel (no JS eval).
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The desktop app serves its renderer from a privileged custom scheme rather than file://: the
 * page gets a real origin ('self' in the CSP, module workers, blob downloads) and no other file on
 * disk is reachable from it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

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

/** True for the app's own pages and assets (app://workbench/…). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The renderer file an app URL names, or null when it is not one or leaves the renderer folder. */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Requests the renderer may make: its own files, devtools, and data:/blob: URLs (chart images, file exports). */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
}

/** Links opened in the user's browser: https only, never file:, javascript: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
