import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError, type Api } from '../../shared/api';
import { apiArgSchemas } from '../../shared/apiSchemas';
import { createDispatcher } from '../../electron/transport/dispatch';

/** A service whose every method records its arguments, so tests see what got through validation. */
function recordingService() {
  const calls: { method: string; args: unknown }[] = [];
  const service = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (args: unknown) => {
        calls.push({ method: m, args });
        if (m === 'openWorkspace') throw new ApiError('not_found', 'Workspace file "x" does not exist.');
        if (m === 'getAppInfo') throw new Error('disk on fire');
        return { echoed: args };
      },
    ]),
  ) as unknown as Api;
  return { service, calls };
}

describe('api argument validation in the dispatcher', () => {
  it('every api method has an argument schema', () => {
    expect(Object.keys(apiArgSchemas).sort()).toEqual([...API_METHODS].sort());
  });

  it('passes valid arguments through to the service', async () => {
    const { service, calls } = recordingService();
    const dispatch = createDispatcher(service);
    const envelope = await dispatch('listAccounts', { offset: 0, limit: 50, sort: { column: 'arr', direction: 'desc' }, search: 'acme' });
    expect(envelope).toEqual({ ok: true, value: { echoed: { offset: 0, limit: 50, sort: { column: 'arr', direction: 'desc' }, search: 'acme' } } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['listAccounts', { offset: -1, limit: 10 }, /offset: Too small/i],
    ['listAccounts', { offset: 0, limit: 10_001 }, /limit: Too big/i],
    ['listAccounts', { offset: 0.5, limit: 10 }, /offset: .*expected int/i],
    ['listAccounts', { offset: 0, limit: 10, sort: { column: 'password', direction: 'asc' } }, /sort\.column/],
    ['listAccounts', { offset: 0, limit: 10, extra: true }, /Unrecognized key.*extra/i],
    ['listAccounts', 'not an object', /expected object/i],
    ['openWorkspace', {}, /path: .*expected string/i],
    ['openWorkspace', { path: '' }, /path: path must not be empty/],
    ['openWorkspace', { path: 'a\u0000b' }, /NUL/],
    ['openWorkspace', { path: 42 }, /path: .*expected string/i],
    ['getWorkspaceSummary', { sneaky: 1 }, /Unrecognized key/i],
  ])('rejects %s(%j) with a clear message and never calls the service', async (method, args, message) => {
    const { service, calls } = recordingService();
    const envelope = await createDispatcher(service)(method, args);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid_argument');
    expect(envelope.error.message).toMatch(new RegExp(`^Invalid arguments for ${method}: `));
    expect(envelope.error.message).toMatch(message);
    expect(calls).toHaveLength(0);
  });

  it('rejects unknown and prototype method names', async () => {
    const { service } = recordingService();
    const dispatch = createDispatcher(service);
    for (const name of ['dropTables', 'constructor', '__proto__', 'toString', 42, null]) {
      const envelope = await dispatch(name, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('carries a service ApiError across with its code, and turns a crash into an internal error', async () => {
    const { service } = recordingService();
    const log = vi.fn();
    const dispatch = createDispatcher(service, log);
    expect(await dispatch('openWorkspace', { path: 'x' })).toEqual({ ok: false, error: { code: 'not_found', message: 'Workspace file "x" does not exist.' } });
    expect(await dispatch('getAppInfo', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Unexpected error in getAppInfo: disk on fire' } });
    expect(log).toHaveBeenCalledOnce();
  });
});
