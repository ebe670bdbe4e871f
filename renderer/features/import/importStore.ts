// The import flow's state: which step is showing, the chosen files, the analysed sheets and the
// mapping drafts the user edits. The async work (upload, jobs, polling) lives in importFlow.ts and
// moves this store from step to step; components only read it and call actions.

import { create } from 'zustand';
import type { ImportDecision, ImportProgress, ImportSource, SheetAnalysis } from '../../../shared/api';
import type { WorkspaceImportReport as ImportReport } from '../../../shared/import/events';
import type { SheetDraft } from './mappingDraft';

export type ImportStep =
  | { name: 'choose' }
  | { name: 'uploading'; fileName: string; sentBytes: number; totalBytes: number }
  | { name: 'analysing'; progress: ImportProgress | null }
  | { name: 'analysisFailed'; message: string }
  | { name: 'mapping' }
  | { name: 'importing'; progress: ImportProgress | null }
  | { name: 'decision'; report: ImportReport | null; decision: ImportDecision; resolving: boolean }
  | { name: 'done'; report: ImportReport | null }
  | { name: 'importFailed'; message: string };

export type StepName = ImportStep['name'];

interface ImportState {
  open: boolean;
  step: ImportStep;
  /** Files chosen for this import (several files make one import). */
  files: File[];
  /** What the last analysis read, in order (re-used when another XLSX sheet is picked). */
  sources: ImportSource[];
  analysisJobId: string | null;
  analyses: SheetAnalysis[];
  drafts: SheetDraft[];
  activeSheet: number;
  /** A one-line message about what just happened ("Import cancelled: nothing was written."). */
  notice: string | null;
  /** Escape or Close was asked while work would be lost. */
  confirmingDiscard: boolean;
  /** Files are being dragged over the window. */
  dragActive: boolean;

  openImport(files?: readonly File[]): void;
  addFiles(files: readonly File[]): void;
  removeFile(index: number): void;
  setActiveSheet(index: number): void;
  updateDraft(index: number, change: (draft: SheetDraft) => SheetDraft): void;
  replaceDraft(index: number, draft: SheetDraft): void;
  setStep(step: ImportStep, notice?: string | null): void;
  setNotice(notice: string | null): void;
  setConfirmingDiscard(confirming: boolean): void;
  setDragActive(active: boolean): void;
  /** Back to closed and empty. */
  reset(): void;
}

const EMPTY = {
  open: false,
  step: { name: 'choose' } as ImportStep,
  files: [] as File[],
  sources: [] as ImportSource[],
  analysisJobId: null,
  analyses: [] as SheetAnalysis[],
  drafts: [] as SheetDraft[],
  activeSheet: 0,
  notice: null,
  confirmingDiscard: false,
};

/** The same file chosen twice (same name, size and date) is kept once. */
function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/** Steps where files can still be added without losing anything. */
export function acceptsFiles(state: { open: boolean; step: ImportStep }): boolean {
  return !state.open || state.step.name === 'choose' || state.step.name === 'analysisFailed';
}

/** True when closing now would throw away something the user did or is waiting for. */
export function workWouldBeLost(state: { files: File[]; step: ImportStep }): boolean {
  return state.files.length > 0 && state.step.name !== 'done';
}

export const useImportStore = create<ImportState>()((set, get) => ({
  ...EMPTY,
  dragActive: false,

  openImport(files = []) {
    const state = get();
    if (!acceptsFiles(state)) {
      set({ open: true, notice: 'Finish or cancel this import before adding more files.' });
      return;
    }
    set({ open: true, step: { name: 'choose' }, notice: null });
    if (files.length > 0) get().addFiles(files);
  },

  addFiles(files) {
    set((state) => ({ files: [...state.files, ...files.filter((f) => !state.files.some((g) => sameFile(f, g)))], notice: null }));
  },

  removeFile(index) {
    set((state) => ({ files: state.files.filter((_, i) => i !== index) }));
  },

  setActiveSheet(index) {
    set({ activeSheet: index });
  },

  updateDraft(index, change) {
    set((state) => ({ drafts: state.drafts.map((d, i) => (i === index ? change(d) : d)) }));
  },

  replaceDraft(index, draft) {
    get().updateDraft(index, () => draft);
  },

  setStep(step, notice) {
    set(notice === undefined ? { step } : { step, notice });
  },

  setNotice(notice) {
    set({ notice });
  },

  setConfirmingDiscard(confirming) {
    set({ confirmingDiscard: confirming });
  },

  setDragActive(active) {
    if (get().dragActive !== active) set({ dragActive: active });
  },

  reset() {
    set({ ...EMPTY });
  },
}));
