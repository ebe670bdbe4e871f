// The scorecard being designed: the draft with its undo/redo history, the chosen segment, slider
// locks, autosave status, saved versions and the baseline drawn behind the draft. Every edit goes
// through `edit`, which records it, validates it, hands it to the scoring worker and autosaves it.

import { create } from 'zustand';
import { ApiError } from '../../../shared/api';
import type { ScorecardVersionInfo } from '../../../shared/api';
import { segmentList } from '../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../shared/scorecard/types';
import { type ScorecardIssue, formatIssue, validateScorecard } from '../../../shared/scorecard/validate';
import { api } from '../../api/client';
import { useScoringStore } from '../scoring/scoringStore';
import { reportError } from '../shell/errorStore';
import { Autosaver, type SaveStatus } from './autosave';
import { type EditHistory, recordEdit, redoEdit, startHistory, undoEdit } from './editHistory';

/** noData: the workspace has no snapshots yet, so there is nothing to propose a scorecard from. */
export type DesignerStatus = 'idle' | 'loading' | 'ready' | 'noData' | 'error';

/** What the left column shows instead of the weights, when something is being edited. */
export type DesignerEditor = { kind: 'metric'; metricId: string } | { kind: 'segments' } | null;

export interface EditOptions {
  /** Edits of one gesture share a key and become one undo step. */
  mergeKey?: string | null;
  /** Perf-probe sequence number of the input that caused the edit. */
  tag?: number | null;
}

interface DesignerState {
  status: DesignerStatus;
  history: EditHistory<Scorecard> | null;
  /** The designer's segment tab. */
  segmentId: string;
  /** weightKey(…) → true for locked sliders (UI state, not part of the scorecard). */
  locks: Record<string, true>;
  /** weightKey(…) → the weight to restore when "not applicable" is switched off again. */
  restoreWeights: Record<string, number>;
  issues: ScorecardIssue[];
  save: SaveStatus;
  versions: ScorecardVersionInfo[];
  /** The saved version drawn behind the draft; null for none. */
  baselineVersion: number | null;
  editor: DesignerEditor;

  loadForWorkspace(): Promise<void>;
  edit(next: Scorecard, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  selectSegment(id: string): void;
  openEditor(editor: DesignerEditor): void;
  closeEditor(): void;
  toggleLock(key: string): void;
  rememberWeight(key: string, weight: number): void;
  flushSave(): Promise<boolean>;
  saveVersion(message: string): Promise<boolean>;
  chooseBaseline(version: number | null): Promise<void>;
  /** Replaces the draft with the scorecard the workspace now has (after an import). */
  replaceDraft(scorecard: Scorecard, versions: ScorecardVersionInfo[]): void;
}

let generation = 0;
let autosaver: Autosaver | null = null;

/** Forgets edits not yet saved (the workspace they belong to is gone). */
export function discardPendingSave(): void {
  autosaver?.cancel();
  autosaver = null;
  generation++;
}

/** 'busy': an autosave is waiting or running; 'stuck': edits were refused or failed to save. */
export function unsavedWork(): 'none' | 'busy' | 'stuck' {
  if (!autosaver?.hasUnsavedWork) return 'none';
  return autosaver.isBusy ? 'busy' : 'stuck';
}

function firstProblem(sc: Scorecard): string | null {
  const result = validateScorecard(sc);
  return result.ok ? null : formatIssue(result.issues[0]);
}

const SAVED: SaveStatus = { state: 'saved', message: null, savedAt: null };

export const useDesignerStore = create<DesignerState>()((set, get) => {
  /** The one path of a new draft: validation, scoring, autosave. */
  function apply(history: EditHistory<Scorecard>, tag: number | null) {
    const draft = history.present;
    const result = validateScorecard(draft);
    set({ history, issues: result.ok ? [] : result.issues });
    if (result.ok) useScoringStore.getState().update(draft, tag);
    autosaver?.schedule(draft);
  }

  async function setBaselineTo(version: number | null, gen: number) {
    set({ baselineVersion: version });
    const scorecard = version === null ? null : await api.getScorecardVersion({ version });
    if (gen === generation) await useScoringStore.getState().setBaseline(scorecard);
  }

  return {
    status: 'idle',
    history: null,
    segmentId: '',
    locks: {},
    restoreWeights: {},
    issues: [],
    save: SAVED,
    versions: [],
    baselineVersion: null,
    editor: null,

    async loadForWorkspace() {
      const gen = ++generation;
      autosaver?.cancel();
      autosaver = null;
      set({ status: 'loading', history: null, locks: {}, restoreWeights: {}, issues: [], save: SAVED, versions: [], baselineVersion: null, editor: null });
      try {
        const state = await api.getScorecard({});
        if (gen !== generation) return;
        const saver = new Autosaver(
          {
            save: (scorecard) => api.saveScorecardDraft({ scorecard }),
            problem: firstProblem,
            onStatus: (save) => {
              if (autosaver === saver) set({ save });
            },
          },
          state.draftUpdatedAt,
        );
        autosaver = saver;
        const draft = state.draft;
        set({
          status: 'ready',
          history: startHistory(draft),
          segmentId: segmentList(draft)[0].id,
          versions: state.versions,
          save: { state: 'saved', message: null, savedAt: state.draftUpdatedAt },
        });
        await useScoringStore.getState().load(draft);
        if (gen === generation && state.versions.length > 0) await setBaselineTo(state.versions[0].version, gen);
      } catch (error) {
        if (gen !== generation) return;
        if (error instanceof ApiError && error.code === 'no_data') {
          set({ status: 'noData' });
          return;
        }
        set({ status: 'error' });
        reportError(error, 'Loading the scorecard');
      }
    },

    edit(next, options = {}) {
      const history = get().history;
      if (!history || next === history.present) return;
      apply(recordEdit(history, next, options.mergeKey ?? null, performance.now()), options.tag ?? null);
    },

    undo() {
      const history = get().history;
      if (history && history.past.length > 0) apply(undoEdit(history), null);
    },

    redo() {
      const history = get().history;
      if (history && history.future.length > 0) apply(redoEdit(history), null);
    },

    selectSegment(id) {
      set({ segmentId: id });
    },

    openEditor(editor) {
      set({ editor });
    },

    closeEditor() {
      set({ editor: null });
    },

    toggleLock(key) {
      const locks = { ...get().locks };
      if (locks[key]) delete locks[key];
      else locks[key] = true;
      set({ locks });
    },

    rememberWeight(key, weight) {
      set({ restoreWeights: { ...get().restoreWeights, [key]: weight } });
    },

    flushSave: () => autosaver?.flush() ?? Promise.resolve(true),

    async saveVersion(message) {
      const gen = generation;
      try {
        if (!(await get().flushSave())) return false;
        const info = await api.saveScorecardVersion({ message });
        if (gen !== generation) return false;
        set({ versions: [info, ...get().versions] });
        await setBaselineTo(info.version, gen);
        return true;
      } catch (error) {
        reportError(error, 'Saving a version');
        return false;
      }
    },

    async chooseBaseline(version) {
      try {
        await setBaselineTo(version, generation);
      } catch (error) {
        reportError(error, 'Loading the baseline version');
      }
    },

    replaceDraft(scorecard, versions) {
      const history = get().history;
      if (!history) return;
      const segmentIds = segmentList(scorecard).map((s) => s.id);
      set({ versions, segmentId: segmentIds.includes(get().segmentId) ? get().segmentId : segmentIds[0] });
      apply(recordEdit(history, scorecard, null, performance.now()), null);
    },
  };
});
