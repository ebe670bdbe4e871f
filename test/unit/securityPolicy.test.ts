import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isAppUrl, isSafeExternalUrl, secureWebPreferences } from '../../electron/securityPolicy';

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

  it('the CSP allows only the app itself: no inline script, no eval, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('index.html carries the same CSP as the host sends', () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1].split(';').map((d) => d.trim())).toEqual(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()));
  });

  it('only the renderer folder counts as the app', () => {
    const base = `file://${rendererDir}`;
    expect(isAppUrl(`${base}/index.html`, rendererDir)).toBe(true);
    expect(isAppUrl(`${base}/assets/index-abc.js`, rendererDir)).toBe(true);
    expect(isAppUrl(`${base}-evil/index.html`, rendererDir)).toBe(false);
    expect(isAppUrl(`${base}/../electron/main.cjs`, rendererDir)).toBe(false);
    expect(isAppUrl(`${base}/%2e%2e/electron/main.cjs`, rendererDir)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', rendererDir)).toBe(false);
  });

  it('every remote request is refused', () => {
    for (const url of ['https://example.com/a.js', 'http://127.0.0.1:8080/', 'ws://localhost/', 'ftp://x/', 'file:///etc/passwd']) {
      expect(isAllowedRequest(url, rendererDir), url).toBe(false);
    }
    expect(isAllowedRequest('data:image/png;base64,AAAA', rendererDir)).toBe(true);
  });

  it('only https links may open in the user browser', () => {
    expect(isSafeExternalUrl('https://docs.example.com')).toBe(true);
    for (const url of ['http://x.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) expect(isSafeExternalUrl(url)).toBe(false);
  });
});
