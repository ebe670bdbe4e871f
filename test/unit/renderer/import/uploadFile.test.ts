// @vitest-environment happy-dom
// Chunked upload: 4 MB chunks in order, the uploadId carried from the first answer, `done` only on
// the last chunk; an abort stops between chunks.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UPLOAD_CHUNK_BYTES, uploadFile } from '../../../../renderer/features/import/uploadFile';
import { importBackend } from './fakeImportApi';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

beforeEach(() => importBackend.reset());

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = i % 251;
  return out;
}

describe('uploadFile', () => {
  it('sends ordered 4 MB chunks with done on the last one', async () => {
    const size = 2 * UPLOAD_CHUNK_BYTES + 123;
    const content = bytes(size);
    const progress: number[] = [];
    const uploadId = await uploadFile(new File([content], 'big.csv'), { onProgress: (sent) => progress.push(sent) });

    const calls = importBackend.api.uploadImportChunk.mock.calls.map(([args]) => args);
    expect(calls.map((c) => c.offset)).toEqual([0, UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES]);
    expect(calls.map((c) => c.done)).toEqual([false, false, true]);
    expect(calls.map((c) => c.chunk.byteLength)).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, 123]);
    expect(calls[0].uploadId).toBeUndefined();
    expect(calls.slice(1).every((c) => c.uploadId === uploadId)).toBe(true);
    expect(calls.every((c) => c.fileName === 'big.csv')).toBe(true);
    expect(progress).toEqual([UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES, size]);
    // The bytes arrive unchanged, in order.
    const joined = new Uint8Array(size);
    for (const c of calls) joined.set(c.chunk, c.offset);
    expect(Buffer.compare(joined, content)).toBe(0);
  });

  it('sends one empty, done chunk for an empty file', async () => {
    await uploadFile(new File([], 'empty.csv'));
    const calls = importBackend.api.uploadImportChunk.mock.calls.map(([args]) => args);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ offset: 0, done: true });
    expect(calls[0].chunk.byteLength).toBe(0);
  });

  it('stops between chunks when aborted', async () => {
    const controller = new AbortController();
    const upload = uploadFile(new File([bytes(3 * 1024)], 'a.csv'), {
      chunkBytes: 1024,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(importBackend.api.uploadImportChunk).toHaveBeenCalledTimes(1);
  });
});
