// Browser mode's file uploads: the page sends a file in chunks, appended in order to a temporary
// file under the data folder's `uploads/` (owner-only permissions). An upload id is random and only
// ever names a file in that folder, so an id can never point the importer at another path. Uploads
// older than a day are removed at start-up.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api';

export const UPLOADS_FOLDER = 'uploads';
/** Uploads are kept this long (an import is made soon after its upload). */
export const UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** The largest file accepted, summed over its chunks. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const PART = '.part';
const DONE = '.upload';

export interface UploadChunk {
  uploadId?: string;
  fileName: string;
  offset: number;
  chunk: Uint8Array;
  done: boolean;
}

interface OpenUpload {
  fileName: string;
  size: number;
}

export class UploadStore {
  private readonly open = new Map<string, OpenUpload>();

  constructor(readonly dir: string) {}

  /** Appends one chunk; the first one (offset 0, no id) starts an upload and gets its id. */
  append(args: UploadChunk): { uploadId: string } {
    const id = args.uploadId ?? this.begin(args);
    const upload = this.open.get(id);
    if (!upload) throw new ApiError('not_found', `No upload "${id}" is in progress (it was finished, or the app restarted): upload the file again.`);
    if (args.offset !== upload.size) {
      throw new ApiError('invalid_argument', `Upload chunk for "${upload.fileName}" starts at byte ${args.offset}, but ${upload.size} bytes have arrived so far: chunks must be sent in order.`);
    }
    if (upload.size + args.chunk.byteLength > MAX_UPLOAD_BYTES) {
      this.discard(id);
      throw new ApiError('invalid_argument', `"${upload.fileName}" is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB; import it from a path instead.`);
    }
    const part = this.partFile(id);
    fs.appendFileSync(part, args.chunk, { mode: 0o600 });
    upload.size += args.chunk.byteLength;
    if (args.done) {
      fs.renameSync(part, this.doneFile(id));
      this.open.delete(id);
    }
    return { uploadId: id };
  }

  /** The file of a finished upload; not_found for any other id. */
  fileOf(uploadId: string): string {
    const file = ID_PATTERN.test(uploadId) ? this.doneFile(uploadId) : null;
    if (!file || !fs.existsSync(file)) throw new ApiError('not_found', `No finished upload "${uploadId}": upload the file again.`);
    return file;
  }

  /** Removes uploads (finished or not) last written more than `maxAgeMs` ago. */
  removeStale(maxAgeMs = UPLOAD_MAX_AGE_MS, now = Date.now()): number {
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (!name.endsWith(PART) && !name.endsWith(DONE)) continue;
      const file = path.join(this.dir, name);
      try {
        if (now - fs.statSync(file).mtimeMs > maxAgeMs) {
          fs.rmSync(file, { force: true });
          removed++;
        }
      } catch {
        // Gone already.
      }
    }
    return removed;
  }

  private begin(args: UploadChunk): string {
    if (args.offset !== 0) throw new ApiError('invalid_argument', `The first chunk of "${args.fileName}" must start at byte 0, not ${args.offset}.`);
    this.ensureDir();
    const id = crypto.randomBytes(16).toString('base64url');
    // 'wx': a new file, never one that exists; owner-only.
    fs.closeSync(fs.openSync(this.partFile(id), 'wx', 0o600));
    this.open.set(id, { fileName: args.fileName, size: 0 });
    return id;
  }

  private discard(id: string): void {
    this.open.delete(id);
    fs.rmSync(this.partFile(id), { force: true });
  }

  private ensureDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') fs.chmodSync(this.dir, 0o700);
  }

  private partFile(id: string): string {
    return path.join(this.dir, id + PART);
  }

  private doneFile(id: string): string {
    return path.join(this.dir, id + DONE);
  }
}
