// Serves the built renderer on app://workbench/ (see securityPolicy.ts for why not file://).
// Only files inside the renderer folder are answered, each with the app's CSP.

import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentTypeOf } from './contentTypes';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppFile } from './securityPolicy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return new Response('forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'content-type': contentTypeOf(path.extname(file)), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
