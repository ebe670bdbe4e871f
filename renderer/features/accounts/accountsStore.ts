// The scored accounts table's query (search, segment, bands, sort) and a page cache filled lazily
// from the scoring worker as the table scrolls. A new query starts a new generation (cache dropped,
// late answers ignored); new scores (a scorecard edit, names arriving) only mark the cached pages
// stale, so the rows on screen are refreshed in place without jumping back to the top.

import { create } from 'zustand';
import type { AccountQuery, BandCode, ScoredAccount, ScoredSortColumn } from '../scoring/protocol';
import { scoringClient } from '../scoring/scoringStore';
import { reportError } from '../shell/errorStore';

export const PAGE_SIZE = 200;
/** Pages kept in memory; the ones farthest from what is on screen are dropped first. */
const MAX_CACHED_PAGES = 60;

export interface AccountsSort {
  column: ScoredSortColumn;
  direction: 'asc' | 'desc';
}

export interface AccountsQuery {
  search: string;
  segmentId: string | null;
  bands: BandCode[] | null;
  sort: AccountsSort;
}

interface AccountsState {
  query: AccountsQuery;
  /** Bumped whenever the cached rows stop matching the query (or the workspace changed). */
  generation: number;
  /** Bumped when the scores behind the cached rows changed. */
  dataVersion: number;
  /** Accounts matching the query; null until the first page of this generation arrived. */
  total: number | null;
  pages: Record<number, ScoredAccount[]>;
  /** dataVersion each cached page was loaded at. */
  pageVersions: Record<number, number>;
  /** Pages whose request failed in this generation; not retried until asked. */
  failedPages: number[];
  /** Position (workspace index) of the account whose drawer is open. */
  openIndex: number | null;

  setSearch(search: string): void;
  setSegment(segmentId: string | null): void;
  toggleBand(band: BandCode): void;
  toggleSort(column: ScoredSortColumn): void;
  ensureRows(first: number, last: number): void;
  retryFailed(): void;
  /** Scores changed: reload what is cached, in place. */
  scoresChanged(): void;
  openAccount(index: number | null): void;
  resetForWorkspace(path: string | null): void;
}

const DEFAULT_QUERY: AccountsQuery = { search: '', segmentId: null, bands: null, sort: { column: 'name', direction: 'asc' } };
/** Scores read best highest first; everything else ascending. */
const DESCENDING_FIRST: ScoredSortColumn[] = ['score', 'change', 'coverage', 'arr'];

export function rowAt(pages: Record<number, ScoredAccount[]>, index: number): ScoredAccount | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function pageQuery(query: AccountsQuery, page: number): AccountQuery {
  return { offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort: { ...query.sort }, search: query.search, segmentId: query.segmentId, bands: query.bands };
}

export const useAccountsStore = create<AccountsState>()((set, get) => {
  let pending = new Map<number, number>();
  let workspacePath: string | null = null;
  let focusPage = 0;

  function restart(query: AccountsQuery) {
    pending = new Map();
    set((s) => ({ query, generation: s.generation + 1, total: null, pages: {}, pageVersions: {}, failedPages: [] }));
  }

  function evict(pages: Record<number, ScoredAccount[]>): Record<number, ScoredAccount[]> {
    const keys = Object.keys(pages).map(Number);
    if (keys.length <= MAX_CACHED_PAGES) return pages;
    keys.sort((a, b) => Math.abs(a - focusPage) - Math.abs(b - focusPage));
    const kept: Record<number, ScoredAccount[]> = {};
    for (const key of keys.slice(0, MAX_CACHED_PAGES)) kept[key] = pages[key];
    return kept;
  }

  async function load(page: number) {
    const { generation, dataVersion, query } = get();
    pending.set(page, dataVersion);
    try {
      const result = await scoringClient.call('queryAccounts', pageQuery(query, page));
      if (get().generation !== generation) return;
      set((s) => ({
        total: result.total,
        pages: evict({ ...s.pages, [page]: result.rows }),
        pageVersions: { ...s.pageVersions, [page]: dataVersion },
      }));
    } catch (error) {
      if (get().generation !== generation) return;
      set((s) => ({ failedPages: [...s.failedPages, page] }));
      reportError(error, 'Loading accounts');
    } finally {
      if (get().generation === generation && pending.get(page) === dataVersion) pending.delete(page);
    }
  }

  return {
    query: DEFAULT_QUERY,
    generation: 0,
    dataVersion: 0,
    total: null,
    pages: {},
    pageVersions: {},
    failedPages: [],
    openIndex: null,

    setSearch(search) {
      const { query } = get();
      if (search !== query.search) restart({ ...query, search });
    },
    setSegment(segmentId) {
      const { query } = get();
      if (segmentId !== query.segmentId) restart({ ...query, segmentId });
    },
    toggleBand(band) {
      const { query } = get();
      const current = query.bands ?? [];
      const bands = current.includes(band) ? current.filter((b) => b !== band) : [...current, band].sort();
      restart({ ...query, bands: bands.length ? bands : null });
    },
    toggleSort(column) {
      const { query } = get();
      const first = DESCENDING_FIRST.includes(column) ? 'desc' : 'asc';
      const other = first === 'asc' ? 'desc' : 'asc';
      const direction = query.sort.column === column && query.sort.direction === first ? other : first;
      restart({ ...query, sort: { column, direction } });
    },

    ensureRows(first, last) {
      const { total, pages, pageVersions, failedPages, dataVersion } = get();
      const end = total === null ? last : Math.min(last, total - 1);
      if (end < first) return;
      const firstPage = Math.floor(Math.max(0, first) / PAGE_SIZE);
      const lastPage = Math.floor(end / PAGE_SIZE);
      focusPage = Math.floor((firstPage + lastPage) / 2);
      for (let page = firstPage; page <= lastPage; page++) {
        const fresh = pages[page] && pageVersions[page] === dataVersion;
        if (fresh || pending.get(page) === dataVersion || failedPages.includes(page)) continue;
        void load(page);
      }
    },

    retryFailed() {
      set({ failedPages: [] });
    },

    scoresChanged() {
      set((s) => ({ dataVersion: s.dataVersion + 1 }));
    },

    openAccount(index) {
      set({ openIndex: index });
    },

    resetForWorkspace(path) {
      const sameWorkspace = path !== null && path === workspacePath;
      workspacePath = path;
      set({ openIndex: null });
      restart(sameWorkspace ? get().query : DEFAULT_QUERY);
    },
  };
});
