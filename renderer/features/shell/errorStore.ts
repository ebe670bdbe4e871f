// Errors the user needs to see. Every failed api call lands here (never swallowed); the banner
// shows them until dismissed and the rest of the app keeps working.

import { create } from 'zustand';
import { ApiError, type ApiErrorCode } from '../../../shared/api';

export interface ShownError {
  id: number;
  /** What the app was doing, e.g. "Opening the workspace". */
  context: string | null;
  message: string;
  code: ApiErrorCode | null;
  /** How many times the same message arrived while it was shown. */
  repeats: number;
}

interface ErrorState {
  errors: ShownError[];
  report(error: unknown, context?: string): void;
  dismiss(id: number): void;
  dismissAll(): void;
}

const MAX_SHOWN = 4;
let nextId = 1;

function describe(error: unknown): { message: string; code: ApiErrorCode | null } {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message || error.name, code: null };
  return { message: String(error), code: null };
}

export const useErrorStore = create<ErrorState>()((set) => ({
  errors: [],
  report(error, context) {
    const { message, code } = describe(error);
    set((state) => {
      const same = state.errors.find((e) => e.message === message && e.context === (context ?? null));
      if (same) {
        return { errors: state.errors.map((e) => (e === same ? { ...e, repeats: e.repeats + 1 } : e)) };
      }
      const shown: ShownError = { id: nextId++, context: context ?? null, message, code, repeats: 1 };
      return { errors: [...state.errors, shown].slice(-MAX_SHOWN) };
    });
  },
  dismiss(id) {
    set((state) => ({ errors: state.errors.filter((e) => e.id !== id) }));
  },
  dismissAll() {
    set({ errors: [] });
  },
}));

/** For stores and event handlers outside React. */
export function reportError(error: unknown, context?: string): void {
  useErrorStore.getState().report(error, context);
}
