// The accounts table's query (search, segment, sort) and a page cache filled lazily as the table
// scrolls. Any change of query, or of workspace, starts a new generation: the cache is dropped and
// answers still in flight for an older generation are ignored when they arrive.

import { create } from 'zustand';
import type { AccountRow, AccountSortColumn, AccountsPageRequest } from '../../../shared/api';
import { api } from '../../api/client';
import { reportError } from '../shell/errorStore';

export const PAGE_SIZE = 200;
/** Pages kept in memory; the ones farthest from what is on screen are dropped first. */
const MAX_CACHED_PAGES = 60;

export interface AccountsSort {
  column: AccountSortColumn;
  direction: 'asc' | 'desc';
}

export interface AccountsQuery {
  search: string;
  segment: string | null;
  sort: AccountsSort;
}

interface AccountsState {
  query: AccountsQuery;
  /** Bumped whenever the cached rows stop matching the query (or the workspace changed). */
  generation: number;
  /** Accounts matching the query; null until the first page of this generation arrived. */
  total: number | null;
  pages: Record<number, AccountRow[]>;
  /** Pages whose request failed in this generation; not retried until asked. */
  failedPages: number[];

  setSearch(search: string): void;
  setSegment(segment: string | null): void;
  toggleSort(column: AccountSortColumn): void;
  /** Makes sure the rows first..last (inclusive) are loaded or on their way. */
  ensureRows(first: number, last: number): void;
  retryFailed(): void;
  /** A (re)opened workspace: keep the query only when it is the same workspace file. */
  resetForWorkspace(path: string | null): void;
}

/** Stated explicitly (the host's default happens to be the same) so the header can show it. */
const DEFAULT_QUERY: AccountsQuery = { search: '', segment: null, sort: { column: 'name', direction: 'asc' } };

export function rowAt(pages: Record<number, AccountRow[]>, index: number): AccountRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function pageRequest(query: AccountsQuery, page: number): AccountsPageRequest {
  const request: AccountsPageRequest = { offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort: { ...query.sort } };
  if (query.search) request.search = query.search;
  if (query.segment !== null) request.segment = query.segment;
  return request;
}

export const useAccountsStore = create<AccountsState>()((set, get) => {
  let pending = new Set<number>();
  let workspacePath: string | null = null;
  /** Where the table last looked, so eviction keeps the pages near it. */
  let focusPage = 0;

  function restart(query: AccountsQuery) {
    pending = new Set();
    set((state) => ({ query, generation: state.generation + 1, total: null, pages: {}, failedPages: [] }));
  }

  function evict(pages: Record<number, AccountRow[]>): Record<number, AccountRow[]> {
    const keys = Object.keys(pages).map(Number);
    if (keys.length <= MAX_CACHED_PAGES) return pages;
    keys.sort((a, b) => Math.abs(a - focusPage) - Math.abs(b - focusPage));
    const kept: Record<number, AccountRow[]> = {};
    for (const key of keys.slice(0, MAX_CACHED_PAGES)) kept[key] = pages[key];
    return kept;
  }

  async function load(page: number) {
    const { generation, query } = get();
    pending.add(page);
    try {
      const result = await api.listAccounts(pageRequest(query, page));
      if (get().generation !== generation) return;
      set((state) => ({ total: result.total, pages: evict({ ...state.pages, [page]: result.rows }) }));
    } catch (error) {
      if (get().generation !== generation) return;
      set((state) => ({ failedPages: [...state.failedPages, page] }));
      reportError(error, 'Loading accounts');
    } finally {
      if (get().generation === generation) pending.delete(page);
    }
  }

  return {
    query: DEFAULT_QUERY,
    generation: 0,
    total: null,
    pages: {},
    failedPages: [],

    setSearch(search) {
      const { query } = get();
      if (search !== query.search) restart({ ...query, search });
    },
    setSegment(segment) {
      const { query } = get();
      if (segment !== query.segment) restart({ ...query, segment });
    },
    toggleSort(column) {
      const { query } = get();
      const direction = query.sort.column === column && query.sort.direction === 'asc' ? 'desc' : 'asc';
      restart({ ...query, sort: { column, direction } });
    },

    ensureRows(first, last) {
      const { total, pages, failedPages } = get();
      const end = total === null ? last : Math.min(last, total - 1);
      if (end < first) return;
      const firstPage = Math.floor(Math.max(0, first) / PAGE_SIZE);
      const lastPage = Math.floor(end / PAGE_SIZE);
      focusPage = Math.floor((firstPage + lastPage) / 2);
      for (let page = firstPage; page <= lastPage; page++) {
        if (pages[page] || pending.has(page) || failedPages.includes(page)) continue;
        void load(page);
      }
    },

    retryFailed() {
      set({ failedPages: [] });
    },

    resetForWorkspace(path) {
      const sameWorkspace = path !== null && path === workspacePath;
      workspacePath = path;
      restart(sameWorkspace ? get().query : DEFAULT_QUERY);
    },
  };
});
