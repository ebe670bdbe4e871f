// Coalescing: one run at a time, and only the latest input waiting behind it.

import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../../../renderer/features/backtest/latestOnly';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('LatestOnly', () => {
  it('drops the inputs pushed while one runs, except the latest', async () => {
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const queue = new LatestOnly<string>((input) => {
      started.push(input);
      const gate = deferred();
      gates.set(input, gate);
      return gate.promise;
    });
    queue.push('a');
    queue.push('b');
    queue.push('c');
    queue.push('d');
    expect(started).toEqual(['a']);
    expect(queue.hasWaiting).toBe(true);
    gates.get('a')!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a', 'd']);
    gates.get('d')!.resolve();
    await queue.whenIdle();
    expect(queue.isRunning).toBe(false);
    expect(started).toEqual(['a', 'd']);
  });

  it('keeps going after a failed run, and clear() forgets the waiting input', async () => {
    const started: number[] = [];
    const queue = new LatestOnly<number>(async (n) => {
      started.push(n);
      if (n === 1) throw new Error('boom');
    });
    queue.push(1);
    queue.push(2);
    await queue.whenIdle();
    expect(started).toEqual([1, 2]);

    let release!: () => void;
    const blocked = new LatestOnly<number>((n) => {
      started.push(n);
      return n === 3 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    blocked.push(3);
    blocked.push(4);
    blocked.clear();
    release();
    await blocked.whenIdle();
    expect(started).toEqual([1, 2, 3]);
  });
});
