// Argument schemas for every api method. The Node side validates each call against these before a
// service sees it; the mapped type ties each schema to the interface's argument type.

import { z } from 'zod';
import { ACCOUNT_SORT_COLUMNS, type ApiArgs, type ApiMethod } from './api';
import { isIsoDate } from './dates';
import { sheetMappingSchema } from './import/mappingFile';
import { scorecardSchema } from './scorecard/schema';

const noArgs = z.object({}).strict();

/** A file-system path as the user gave it: non-empty, bounded, no NUL bytes. */
const filePath = z
  .string()
  .min(1, 'path must not be empty')
  .max(4096, 'path is longer than 4096 characters')
  .refine((p) => !p.includes('\0'), 'path must not contain NUL characters');

const isoDate = z.string().refine(isIsoDate, 'must be a YYYY-MM-DD date');
const versionNumber = z.number().int().min(1);
const scorecardRef = z.union([versionNumber, z.literal('draft')]);

const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an id returned by the app');
const importSource = z
  .object({
    fileName: z.string().min(1).max(1000),
    path: filePath.optional(),
    uploadId: jobId.optional(),
    sheet: z.string().max(500).optional(),
  })
  .strict()
  .refine((s) => (s.path === undefined) !== (s.uploadId === undefined), 'give exactly one of path and uploadId');

export const apiArgSchemas: { [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = {
  getAppInfo: noArgs,
  getWorkspaceSummary: noArgs,
  openWorkspace: z.object({ path: filePath }).strict(),
  createWorkspace: z.object({ path: filePath, name: z.string().trim().min(1).max(200).optional() }).strict(),
  openDemoWorkspace: noArgs,
  listRecentWorkspaces: noArgs,
  listAccounts: z
    .object({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(10_000),
      sort: z
        .object({ column: z.enum(ACCOUNT_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
        .strict()
        .optional(),
      search: z.string().max(500).optional(),
      segment: z.string().max(500).optional(),
    })
    .strict(),
  getScorecard: noArgs,
  saveScorecardDraft: z.object({ scorecard: scorecardSchema }).strict(),
  saveScorecardVersion: z.object({ message: z.string().trim().min(1, 'a version needs a message').max(2000) }).strict(),
  getScorecardVersion: z.object({ version: versionNumber }).strict(),
  diffScorecards: z.object({ from: scorecardRef, to: scorecardRef }).strict(),
  importScorecardFile: z.object({ text: z.string().max(20 * 1024 * 1024), fileName: z.string().min(1).max(1000) }).strict(),
  exportScorecardFile: z.object({ version: versionNumber.optional() }).strict(),
  getScoringData: z.object({ asOf: isoDate.optional() }).strict(),
  uploadImportChunk: z
    .object({
      uploadId: jobId.optional(),
      fileName: z.string().min(1).max(1000),
      offset: z.number().int().min(0),
      chunk: z.instanceof(Uint8Array).refine((c) => c.byteLength <= 8 * 1024 * 1024, 'a chunk must be at most 8 MB'),
      done: z.boolean(),
    })
    .strict(),
  startImportAnalysis: z.object({ sources: z.array(importSource).min(1).max(20) }).strict(),
  startImport: z.object({ analysisJobId: jobId, mappings: z.array(sheetMappingSchema).min(1).max(20), importDate: isoDate.optional() }).strict(),
  getImportJob: z.object({ jobId }).strict(),
  resolveImportJob: z.object({ jobId, decision: z.enum(['commit', 'abort']) }).strict(),
  cancelImportJob: z.object({ jobId }).strict(),
};

/** Validates one call's arguments; the message names each offending field. */
export function parseApiArgs<M extends ApiMethod>(
  method: M,
  raw: unknown,
): { ok: true; args: ApiArgs<M> } | { ok: false; message: string } {
  const result = apiArgSchemas[method].safeParse(raw ?? {});
  if (result.success) return { ok: true, args: result.data };
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'arguments';
    return `${where}: ${issue.message}`;
  });
  return { ok: false, message: `Invalid arguments for ${method}: ${problems.join('; ')}` };
}
