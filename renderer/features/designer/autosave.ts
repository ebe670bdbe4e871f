// Debounced autosave of the draft: an edit makes the draft "pending", a pause in editing saves it.
// Only the newest draft is ever sent; a draft that does not validate is not sent at all (the
// workspace keeps the last valid one) and the status says why.

import type { Scorecard } from '../../../shared/scorecard/types';

export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error';

export interface SaveStatus {
  state: SaveState;
  message: string | null;
  /** ISO time of the last successful save. */
  savedAt: string | null;
}

export const AUTOSAVE_DELAY_MS = 800;

interface AutosaveDeps {
  save(scorecard: Scorecard): Promise<{ draftUpdatedAt: string }>;
  /** The first problem that keeps the draft from being saved, or null. */
  problem(scorecard: Scorecard): string | null;
  onStatus(status: SaveStatus): void;
}

export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsaved: Scorecard | null = null;
  /** Bumped per edit, so a save that finishes after a newer edit does not claim "saved". */
  private editSeq = 0;
  private saving: Promise<boolean> | null = null;
  private savedAt: string | null;

  constructor(
    private readonly deps: AutosaveDeps,
    savedAt: string | null,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.savedAt = savedAt;
  }

  get hasUnsavedWork(): boolean {
    return this.unsaved !== null || this.saving !== null;
  }

  /** A save is waiting for the pause or running (it will settle by itself, unlike a refused one). */
  get isBusy(): boolean {
    return this.timer !== null || this.saving !== null;
  }

  schedule(scorecard: Scorecard): void {
    this.unsaved = scorecard;
    this.editSeq++;
    this.deps.onStatus({ state: 'pending', message: null, savedAt: this.savedAt });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now what is pending; true when everything is saved afterwards. */
  async flush(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.saving) await this.saving;
    if (!this.unsaved) return true;
    this.saving = this.saveNow(this.unsaved, this.editSeq);
    try {
      return await this.saving;
    } finally {
      this.saving = null;
    }
  }

  /** Forgets pending work (another workspace was opened). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsaved = null;
    this.editSeq++;
  }

  private async saveNow(scorecard: Scorecard, seq: number): Promise<boolean> {
    const problem = this.deps.problem(scorecard);
    if (problem) {
      this.deps.onStatus({ state: 'invalid', message: problem, savedAt: this.savedAt });
      return false;
    }
    this.deps.onStatus({ state: 'saving', message: null, savedAt: this.savedAt });
    try {
      const { draftUpdatedAt } = await this.deps.save(scorecard);
      this.savedAt = draftUpdatedAt;
      if (seq !== this.editSeq) {
        // Edited while saving: that newer draft is still waiting for its own save.
        this.deps.onStatus({ state: 'pending', message: null, savedAt: this.savedAt });
        return false;
      }
      this.unsaved = null;
      this.deps.onStatus({ state: 'saved', message: null, savedAt: this.savedAt });
      return true;
    } catch (error) {
      this.deps.onStatus({ state: 'error', message: (error as Error).message, savedAt: this.savedAt });
      return false;
    }
  }
}
