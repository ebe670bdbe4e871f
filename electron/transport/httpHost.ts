// Browser mode's transport: the built renderer and the api over HTTP, bound to 127.0.0.1 only.
// Every api call needs the per-run token (401 otherwise); every request must name 127.0.0.1 or
// localhost as its Host (403 otherwise), which defeats DNS-rebinding pages on other origins.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isApiMethod } from '../../shared/api';
import { API_PATH_PREFIX, TOKEN_HEADER, WIRE_CONTENT_TYPE } from '../../shared/httpProtocol';
import { decodeWire, encodeWire } from '../../shared/wire';
import { contentTypeOf } from '../contentTypes';
import { CONTENT_SECURITY_POLICY } from '../securityPolicy';
import type { Dispatcher } from './dispatch';

export interface HttpHostOptions {
  dispatcher: Dispatcher;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  token: string;
  /** Largest accepted request body; api arguments are small, file uploads come later. */
  maxBodyBytes?: number;
}

const ALLOWED_HOSTNAMES = new Set(['127.0.0.1', 'localhost']);
const SECURITY_HEADERS = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Uint8Array, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`request body exceeds ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string, options: HttpHostOptions): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'api calls must be POST');
  if (!tokenMatches(req.headers[TOKEN_HEADER], options.token)) return send(res, 401, 'missing or wrong access token');
  if (!isApiMethod(method)) {
    return send(res, 404, encodeWire({ ok: false, error: { code: 'unknown_method', message: `Unknown api method "${method.slice(0, 100)}".` } }), WIRE_CONTENT_TYPE);
  }
  let args: unknown;
  try {
    args = decodeWire(await readBody(req, options.maxBodyBytes ?? 16 * 1024 * 1024));
  } catch (err) {
    const envelope = { ok: false, error: { code: 'invalid_argument', message: `Malformed request body: ${(err as Error).message}` } };
    return send(res, 400, encodeWire(envelope), WIRE_CONTENT_TYPE);
  }
  send(res, 200, encodeWire(await options.dispatcher(method, args)), WIRE_CONTENT_TYPE);
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, staticDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const root = path.resolve(staticDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'not found');
    send(res, 200, data, contentTypeOf(path.extname(file)));
  });
}

export function createHttpHost(options: HttpHostOptions): http.Server {
  return http.createServer((req, res) => {
    const hostname = hostnameOf(req.headers.host);
    if (!hostname || !ALLOWED_HOSTNAMES.has(hostname)) return send(res, 403, 'forbidden host');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return send(res, 400, 'bad request');
    }
    if (pathname.startsWith(API_PATH_PREFIX)) {
      handleApi(req, res, pathname.slice(API_PATH_PREFIX.length), options).catch((err: Error) => {
        if (!res.headersSent) send(res, 500, `internal error: ${err.message}`);
      });
      return;
    }
    serveStatic(req, res, pathname, options.staticDir);
  });
}

/** Listens on 127.0.0.1 (never another interface) and resolves with the port actually bound. */
export function listenOnLoopback(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
