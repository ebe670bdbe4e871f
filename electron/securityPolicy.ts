// The app's security policy as data and predicates, free of Electron's runtime so tests can check
// it directly; windowSecurity.ts applies it to Electron.

import { pathToFileURL } from 'node:url';
import type { WebPreferences } from 'electron';

/** The one Content-Security-Policy: the HTTP host sends it, index.html carries it (a test keeps them equal). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

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
  const base = pathToFileURL(rendererDir).href.replace(/\/?$/, '/');
  if (!url.startsWith(base)) return false;
  // No way back out of the folder through encoded dot segments.
  return !/(^|\/)(\.|%2e){2}(\/|$)/i.test(url.slice(base.length));
}

/** Requests the renderer may make: its own files, devtools, and data: URLs (chart images). */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  return isAppUrl(url, rendererDir) || url.startsWith('devtools://') || url.startsWith('data:');
}

/** Links opened in the user's browser: https only, never file:, javascript: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
