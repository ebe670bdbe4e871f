import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAllowedRequest, isAppUrl, isSafeExternalUrl, resolveAppFile, secureWebPreferences } from '../../electron/securityPolicy';

const ROOT = path.resolve(__dirname, '../..');
const rendererDir = path.join(ROOT, 'dist/renderer');

describe('desktop security policy', () => {
  it('windows are isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the CSP allows only the app itself: no inline script, no eval (WebAssembly compile only), nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  });

  it('index.html carries the same CSP as the host sends', () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1].split(';').map((d) => d.trim())).toEqual(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()));
  });

  it('the app is served from app://workbench, and only the renderer folder answers there', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js`)).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl(`file://${rendererDir}/index.html`)).toBe(false);
    expect(isAppUrl('https://workbench/index.html')).toBe(false);
    expect(resolveAppFile(`${APP_ORIGIN}/`, rendererDir)).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppFile(`${APP_ORIGIN}/assets/a.js`, rendererDir)).toBe(path.join(rendererDir, 'assets/a.js'));
    expect(resolveAppFile(`${APP_ORIGIN}/..%2F..%2Felectron%2Fmain.cjs`, rendererDir)).toBeNull();
    // URL parsing folds encoded dot segments first: the result stays inside the renderer folder.
    expect(resolveAppFile(`${APP_ORIGIN}/%2e%2e/%2e%2e/package.json`, rendererDir)).toBe(path.join(rendererDir, 'package.json'));
    expect(resolveAppFile('app://other/index.html', rendererDir)).toBeNull();
  });

  it('every remote request is refused', () => {
    for (const url of ['https://example.com/a.js', 'http://127.0.0.1:8080/', 'ws://localhost/', 'ftp://x/', 'file:///etc/passwd', `file://${rendererDir}/index.html`]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest(`blob:${APP_ORIGIN}/5a1b`)).toBe(true);
    expect(isAllowedRequest(`${APP_ORIGIN}/index.html`)).toBe(true);
  });

  it('only https links may open in the user browser', () => {
    expect(isSafeExternalUrl('https://docs.example.com')).toBe(true);
    for (const url of ['http://x.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) expect(isSafeExternalUrl(url)).toBe(false);
  });
});
