// The one entry point both transports use: checks the method name, validates the arguments against
// the shared schemas, calls the service and turns every outcome into an envelope. Nothing a caller
// sends can crash the process; unexpected errors are logged here and reported as 'internal'.

import { ApiError, isApiMethod, type Api, type ApiEnvelope, type ApiMethod } from '../../shared/api';
import { parseApiArgs } from '../../shared/apiSchemas';

export type Dispatcher = (method: unknown, args: unknown) => Promise<ApiEnvelope<unknown>>;

export function createDispatcher(service: Api, log: (message: string) => void = (m) => console.error(m)): Dispatcher {
  return async (method, rawArgs) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown api method ${JSON.stringify(String(method)).slice(0, 100)}.` } };
    }
    const parsed = parseApiArgs(method, rawArgs);
    if (!parsed.ok) return { ok: false, error: { code: 'invalid_argument', message: parsed.message } };
    try {
      const call = service[method] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await call.call(service, parsed.args) };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message } };
      log(`api ${method as ApiMethod} failed: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, error: { code: 'internal', message: `Unexpected error in ${method}: ${(err as Error)?.message ?? String(err)}` } };
    }
  };
}
