// Which of the app's views is shown. Views are listed once here; a new one (e.g. "Back-test") is
// one entry in VIEWS and one branch in App.tsx.

import { create } from 'zustand';

export const VIEWS = [
  { id: 'designer', label: 'Designer' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'backtest', label: 'Back-test' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

interface ViewState {
  view: ViewId;
  show(view: ViewId): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: 'designer',
  show: (view) => set({ view }),
}));
