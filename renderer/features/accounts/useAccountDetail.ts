// Loads an account's drawer contents from the scoring worker (detail now, history as it comes) and
// reloads them when the scores change.

import { useEffect, useState } from 'react';
import type { AccountDetail, HistoryPoint } from '../scoring/protocol';
import { accountHistory, scoringClient } from '../scoring/scoringStore';

export interface AccountDetailState {
  detail: AccountDetail | null;
  history: HistoryPoint[] | null;
  error: string | null;
}

export function useAccountDetail(index: number, revision: number): AccountDetailState {
  const [state, setState] = useState<AccountDetailState>({ detail: null, history: null, error: null });
  useEffect(() => {
    let live = true;
    scoringClient
      .call('explain', { index })
      .then((detail) => live && setState((s) => ({ ...s, detail, error: null })))
      .catch((error: Error) => live && setState((s) => ({ ...s, error: error.message })));
    accountHistory(index)
      .then((history) => live && setState((s) => ({ ...s, history })))
      .catch((error: Error) => live && setState((s) => ({ ...s, error: error.message })));
    return () => {
      live = false;
    };
  }, [index, revision]);
  // A different account starts empty rather than showing the previous one's numbers.
  useEffect(() => setState({ detail: null, history: null, error: null }), [index]);
  return state;
}
