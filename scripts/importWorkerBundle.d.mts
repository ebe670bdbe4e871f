import type { Plugin } from 'esbuild';

export const exceljsBeside: Plugin;
export const importWorkerEntries: Record<string, string>;
