// Shared set-up for the renderer component tests: a little layout for happy-dom (which has none),
// fresh stores per test, and rendering the whole App.

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../renderer/App';
import { useAccountsStore } from '../../../renderer/features/accounts/accountsStore';
import { useErrorStore } from '../../../renderer/features/shell/errorStore';
import { useWorkspaceStore } from '../../../renderer/features/workspace/workspaceStore';

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

export function resetStores() {
  useWorkspaceStore.setState(useWorkspaceStore.getInitialState(), true);
  useAccountsStore.setState(useAccountsStore.getInitialState(), true);
  useErrorStore.setState(useErrorStore.getInitialState(), true);
}

export function renderApp() {
  return render(<App />);
}

/** Renders the App and waits until the first rows of the table are on screen. */
export async function renderAppWithRows() {
  const result = renderApp();
  await screen.findAllByTestId('account-row');
  return result;
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
