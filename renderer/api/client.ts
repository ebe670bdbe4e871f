// The renderer's one typed api client. In the desktop app the preload exposes the api on
// `window.healthscoreBridge` (IPC underneath); in browser mode the same methods go over HTTP to the host
// on 127.0.0.1 with the per-run token. Either way callers see `Api` and get ApiError on failure.

import { API_METHODS, ApiError, unwrapEnvelope, type Api, type ApiBridge, type ApiEnvelope, type ApiMethod } from '../../shared/api';
import { API_PATH_PREFIX, TOKEN_HEADER, TOKEN_QUERY_PARAM, WIRE_CONTENT_TYPE } from '../../shared/httpProtocol';
import { decodeWire, encodeWire } from '../../shared/wire';

declare global {
  interface Window {
    /** Present only in the desktop app (see electron/preload.ts). */
    healthscoreBridge?: ApiBridge;
  }
}

const TOKEN_STORAGE_KEY = 'healthscore.token';

/** Takes the token from the URL once (then hides it from the address bar) or from this tab's storage. */
function readToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

/** Wraps the desktop bridge so that errors arrive as ApiError with their code, as over HTTP. */
function createIpcClient(bridge: ApiBridge): Api {
  const client = {} as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    const send = bridge[method] as (args: unknown) => Promise<ApiEnvelope<unknown>>;
    client[method] = async (args) => unwrapEnvelope(await send(args ?? {}));
  }
  return client as unknown as Api;
}

function createHttpClient(): Api {
  const token = readToken();
  const call = async (method: ApiMethod, args: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(API_PATH_PREFIX + method, {
        method: 'POST',
        headers: { 'content-type': WIRE_CONTENT_TYPE, [TOKEN_HEADER]: token ?? '' },
        body: encodeWire(args ?? {}),
      });
    } catch (err) {
      throw new ApiError('internal', `The workbench host is not reachable (${(err as Error).message}). Is \`npm run serve\` still running?`);
    }
    if (response.status === 401) {
      throw new ApiError('internal', 'This page has no valid access token. Open the URL that `npm run serve` printed.');
    }
    if (!response.ok) throw new ApiError('internal', `The host answered ${response.status}: ${await response.text()}`);
    const envelope = decodeWire(new Uint8Array(await response.arrayBuffer())) as ApiEnvelope<unknown>;
    return unwrapEnvelope(envelope);
  };
  const client = {} as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) client[method] = (args) => call(method, args);
  return client as unknown as Api;
}

export const api: Api = window.healthscoreBridge ? createIpcClient(window.healthscoreBridge) : createHttpClient();
export const transport: 'ipc' | 'http' = window.healthscoreBridge ? 'ipc' : 'http';
