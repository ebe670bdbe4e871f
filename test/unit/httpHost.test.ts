import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWire, decodeWire } from '../../shared/wire';
import { TOKEN_HEADER, WIRE_CONTENT_TYPE } from '../../shared/httpProtocol';
import type { ApiEnvelope, WorkspaceSummary } from '../../shared/api';
import { startHost, type RunningHost } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Raw requests (not fetch) so the Host header can be anything, as a DNS-rebinding page would send.
function request(port: number, options: { path: string; method?: string; host?: string; token?: string; body?: Uint8Array }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${port}` };
    if (options.token !== undefined) headers[TOKEN_HEADER] = options.token;
    if (options.body) headers['content-type'] = WIRE_CONTENT_TYPE;
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode HTTP host', () => {
  let host: RunningHost;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-host-'));
  const call = (method: string, args: unknown, token = host.token) =>
    request(host.port, { path: `/api/${method}`, method: 'POST', token, body: encodeWire(args) });

  beforeAll(async () => {
    host = await startHost(['--data-dir', dataDir]);
  });
  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints one line with a 127.0.0.1 URL carrying a random token', () => {
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(host.output().trim().split('\n')).toHaveLength(1);
  });

  it('answers an api call with the right token (the demo opens on first start)', async () => {
    const res = await call('getWorkspaceSummary', {});
    expect(res.status).toBe(200);
    const envelope = decodeWire(res.body) as ApiEnvelope<WorkspaceSummary>;
    expect(envelope.ok).toBe(true);
    if (!envelope.ok) return;
    expect(envelope.value.isDemo).toBe(true);
    expect(envelope.value.accountCount).toBe(2000);
    expect(envelope.value.snapshotDates).toHaveLength(12);
  });

  it('refuses api calls without the token or with a wrong one (401)', async () => {
    expect((await request(host.port, { path: '/api/getWorkspaceSummary', method: 'POST', body: encodeWire({}) })).status).toBe(401);
    expect((await call('getWorkspaceSummary', {}, 'x'.repeat(host.token.length))).status).toBe(401);
    expect((await call('getWorkspaceSummary', {}, host.token.slice(1))).status).toBe(401);
  });

  it.each(['evil.example.com', 'evil.example.com:80', '127.0.0.1.nip.io', '0.0.0.0', '[::1]', '127.0.0.2'])('refuses Host "%s" (403), even with the token', async (badHost) => {
    const api = await request(host.port, { path: '/api/getWorkspaceSummary', method: 'POST', host: badHost, token: host.token, body: encodeWire({}) });
    expect(api.status).toBe(403);
    expect((await request(host.port, { path: '/', host: badHost })).status).toBe(403);
  });

  it('refuses a request without any Host header (403)', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (c) => (data += c.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it('accepts localhost as Host', async () => {
    const res = await request(host.port, { path: '/api/getAppInfo', method: 'POST', host: `localhost:${host.port}`, token: host.token, body: encodeWire({}) });
    expect(res.status).toBe(200);
    expect(decodeWire(res.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('validates arguments on the server side and reports a clear error', async () => {
    const res = await call('listAccounts', { offset: -5, limit: 'all' });
    expect(decodeWire(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/^Invalid arguments for listAccounts: offset: .*; limit: /) } });
    const garbage = await request(host.port, { path: '/api/listAccounts', method: 'POST', token: host.token, body: Uint8Array.from([255, 255, 255, 255, 1]) });
    expect(garbage.status).toBe(400);
    expect(decodeWire(garbage.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const unknown = await call('dropEverything', {});
    expect(unknown.status).toBe(404);
    expect((await request(host.port, { path: '/api/getAppInfo', method: 'GET', token: host.token })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const index = await request(host.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body.toString()).toContain('<div id="root">');
    expect(index.headers['content-security-policy']).toMatch(/default-src 'none'.*script-src 'self'/);
    expect(index.headers['content-security-policy']).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(host.port, { path: '/../../package.json' })).status).not.toBe(200);
    expect((await request(host.port, { path: '/..%2f..%2fpackage.json' })).status).toBe(403);
    expect((await request(host.port, { path: '/%2e%2e/%2e%2e/package.json' })).body.toString()).not.toContain('healthscore-workbench');
    expect((await request(host.port, { path: '/nope.js' })).status).toBe(404);
  });

  it('keeps running after bad requests', async () => {
    expect((await call('getAppInfo', {})).status).toBe(200);
  });
});

describe('browser-mode host start-up', () => {
  const tempDir = useTempDirs();

  it('keeps running with a message when the requested workspace is refused', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.hsw');
    fs.writeFileSync(bad, 'not a database');
    const host = await startHost(['--data-dir', dir, '--workspace', bad]);
    try {
      expect(host.output()).toContain('no workspace open');
      const info = decodeWire((await request(host.port, { path: '/api/getAppInfo', method: 'POST', token: host.token, body: encodeWire({}) })).body);
      expect(info).toMatchObject({ ok: true, value: { startupMessage: expect.stringContaining('not an SQLite database') } });
      const summary = decodeWire((await request(host.port, { path: '/api/getWorkspaceSummary', method: 'POST', token: host.token, body: encodeWire({}) })).body);
      expect(summary).toEqual({ ok: true, value: null });
    } finally {
      await host.stop();
    }
  });
});
