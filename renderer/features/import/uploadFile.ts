// Sends a chosen file to the Node side in order, 4 MB at a time (the api refuses chunks over 8 MB
// and one big body would stall the page). Progress is reported after every chunk; an abort stops
// between chunks. The host drops an upload that never got its `done` chunk.

import { api } from '../../api/client';

export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export interface UploadOptions {
  signal?: AbortSignal;
  /** Bytes of this file sent so far. */
  onProgress?(sentBytes: number): void;
  chunkBytes?: number;
}

/** Uploads the whole file and answers the uploadId that an ImportSource refers to. */
export async function uploadFile(file: File, { signal, onProgress, chunkBytes = UPLOAD_CHUNK_BYTES }: UploadOptions = {}): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  // do…while: an empty file still sends one (empty, done) chunk, so the host can name the problem.
  do {
    signal?.throwIfAborted();
    const end = Math.min(file.size, offset + chunkBytes);
    const chunk = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    signal?.throwIfAborted();
    const done = end >= file.size;
    const answer = await api.uploadImportChunk({ ...(uploadId ? { uploadId } : {}), fileName: file.name, offset, chunk, done });
    uploadId = answer.uploadId;
    offset = end;
    onProgress?.(offset);
  } while (offset < file.size);
  return uploadId;
}
