// How a chosen file becomes an ImportSource: the one place that decides between sending bytes and
// sending a path. Browser mode (transport 'http') can only send bytes. The desktop app (transport
// 'ipc') uploads too for now, because a renderer File carries no path; once a native open dialog
// hands the renderer paths, the desktop branch here returns `{ fileName, path }` instead.

import type { ImportSource } from '../../../shared/api';
import { uploadFile, type UploadOptions } from './uploadFile';

export async function sourceForFile(file: File, options: UploadOptions): Promise<ImportSource> {
  const uploadId = await uploadFile(file, options);
  return { fileName: file.name, uploadId };
}

/** Extensions the analysis reads; anything else is still sent and the analysis says why it fails. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
