// ImportSource (a path on this computer, or an upload) → the file a worker reads. Checked on the main
// thread so a missing file is refused when the job is asked for, not minutes later.

import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type ImportSource } from '../../shared/api';
import type { UploadStore } from './uploads';
import type { WorkerSource } from './workerProtocol';

export function resolveSource(source: ImportSource, uploads: UploadStore): WorkerSource {
  const file = source.uploadId !== undefined ? uploads.fileOf(source.uploadId) : path.resolve(source.path ?? '');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('not_found', `The file "${source.path ?? source.fileName}" does not exist.`);
  }
  if (!stat.isFile()) throw new ApiError('invalid_argument', `"${source.path ?? source.fileName}" is not a file.`);
  return { fileName: source.fileName, path: file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}) };
}

export function totalBytesOf(sources: readonly WorkerSource[]): number {
  let total = 0;
  for (const s of sources) {
    try {
      total += fs.statSync(s.path).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}
