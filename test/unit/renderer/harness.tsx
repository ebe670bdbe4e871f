// Shared set-up for the renderer component tests: a little layout for happy-dom (which has none),
// fresh stores per test, and rendering the whole App. Test files mock the api client with
// fakeApi.clientModule, the scoring worker with inProcessWorker.workerFactoryModule, and the chart
// host with chartStub.chartStubModule (happy-dom has no canvas).

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import { backend } from './fakeApi';
import { App } from '../../../renderer/App';
import { useAccountsStore } from '../../../renderer/features/accounts/accountsStore';
import { discardPendingSave, useDesignerStore } from '../../../renderer/features/designer/designerStore';
import { useScoringStore } from '../../../renderer/features/scoring/scoringStore';
import { useErrorStore } from '../../../renderer/features/shell/errorStore';
import { type ViewId, useViewStore } from '../../../renderer/features/shell/viewStore';
import { useWorkspaceStore } from '../../../renderer/features/workspace/workspaceStore';
import { workerLog } from './inProcessWorker';

export const VIEWPORT_HEIGHT = 640;
const HEADER_HEIGHT = 34;

type Restore = () => void;

function override<T extends object>(proto: T, name: string, descriptor: PropertyDescriptor): Restore {
  const original = Object.getOwnPropertyDescriptor(proto, name);
  Object.defineProperty(proto, name, { configurable: true, ...descriptor });
  return () => {
    if (original) Object.defineProperty(proto, name, original);
    else delete (proto as Record<string, unknown>)[name];
  };
}

/**
 * Gives elements a size so the virtualizer has a viewport: every element is VIEWPORT_HEIGHT tall,
 * the grid's scroll height follows its body, and scrolling fires `scroll` as a browser would.
 */
export function emulateLayout(): Restore {
  const restores = [
    override(HTMLElement.prototype, 'clientHeight', { get: () => VIEWPORT_HEIGHT }),
    override(HTMLElement.prototype, 'clientWidth', { get: () => 1200 }),
    override(HTMLElement.prototype, 'scrollHeight', {
      get(this: HTMLElement) {
        const body = this.querySelector<HTMLElement>('[role="rowgroup"] + [role="rowgroup"]');
        return body ? HEADER_HEIGHT + (parseFloat(body.style.height) || 0) : VIEWPORT_HEIGHT;
      },
    }),
  ];
  const scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function (this: Element, ...args: Parameters<Element['scrollTo']>) {
    scrollTo.apply(this, args);
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
  restores.push(() => {
    Element.prototype.scrollTo = scrollTo;
  });
  return () => restores.forEach((restore) => restore());
}

export function resetStores(view: ViewId = 'accounts') {
  useWorkspaceStore.setState(useWorkspaceStore.getInitialState(), true);
  useAccountsStore.setState(useAccountsStore.getInitialState(), true);
  useErrorStore.setState(useErrorStore.getInitialState(), true);
  useDesignerStore.setState(useDesignerStore.getInitialState(), true);
  useScoringStore.setState(useScoringStore.getInitialState(), true);
  useViewStore.setState({ view });
  discardPendingSave();
  workerLog.reset();
}

export function renderApp() {
  return render(<App />);
}

/** Renders the App and waits until the first rows of the table are on screen, names loaded. */
export async function renderAppWithRows() {
  const result = renderApp();
  await screen.findAllByTestId('account-row');
  await waitFor(() => expect(useScoringStore.getState().namesReady).toBe(true));
  await waitFor(() => expect(screen.getAllByTestId('account-row')[0].textContent).not.toMatch(/^ACC-/));
  return result;
}

/** The table's account queries sent to the scoring worker so far. */
export function accountQueries() {
  return workerLog.of('queryAccounts').map((r) => r.args);
}


/** Keys of the account rows currently in the DOM, top to bottom. */
export function visibleKeys(): string[] {
  return screen
    .queryAllByTestId('account-row')
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => row.getAttribute('data-account-key') ?? '');
}

export function countText(): string {
  return screen.getByTestId('accounts-count').textContent ?? '';
}

/** Scrolls the grid as a user would and lets the virtualizer react. */
export function scrollGridTo(top: number) {
  const grid = screen.getByTestId('accounts-table');
  grid.scrollTop = top;
  fireEvent.scroll(grid);
}

export { cleanup, waitFor };

/**
 * The usual per-test setup of an app test file: a fresh fake backend and stores before each test,
 * layout emulation during it, and the DOM and layout restored after it.
 */
export function useAppTestSetup(view?: ViewId): void {
  let restoreLayout: Restore = () => undefined;
  beforeEach(() => {
    backend.reset();
    resetStores(view);
    restoreLayout = emulateLayout();
  });
  afterEach(() => {
    cleanup();
    restoreLayout();
  });
}
