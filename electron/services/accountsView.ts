// An in-memory, read-only view of the open workspace's accounts that answers the accounts table's
// paged, sorted, searched queries. Built once per open workspace from column data; sort orders are
// computed on first use and cached, so scrolling through 1M accounts costs one slice per page.

import type { AccountRow, AccountSortColumn, AccountsPage, AccountsPageRequest, AttributeValue } from '../../shared/api';
import { isTextColumn, type DatasetColumn } from '../../shared/dataset';
import { epochDayToIso } from '../../shared/dates';
import type { StoredAccounts } from '../store/accountStore';
import type { WorkspaceStore } from '../store/workspaceStore';

export class AccountsView {
  /** Ids and names are decoded on the first page, search or sort, not when the view is built. */
  private readonly accounts: StoredAccounts;
  /** Lower-cased "name\0key" per account, built on the first search (1M strings: not on every refresh). */
  private searchTextCache: string[] | null = null;
  private readonly arr: Float64Array;
  private readonly segment: (string | null)[];
  private readonly churnDate: (string | null)[];
  private readonly churned: Uint8Array;
  private readonly lastSnapshot: Int32Array;
  private readonly snapshotDates: string[];
  private readonly attributes: DatasetColumn[];
  private readonly sortCache = new Map<string, Int32Array>();

  constructor(store: WorkspaceStore) {
    this.accounts = store.readAccountsLazily();
    const n = this.accounts.count;
    this.arr = this.accounts.arr;
    this.attributes = store.readAttributes();
    const segmentColumn = this.attributes.find((c) => c.field.name.toLowerCase() === 'segment');
    this.segment = segmentColumn && isTextColumn(segmentColumn.values) ? segmentColumn.values : new Array(n).fill(null);
    this.churnDate = new Array(n).fill(null);
    this.churned = new Uint8Array(n);
    for (const [idx, date] of store.readChurn()) {
      this.churned[idx] = 1;
      this.churnDate[idx] = date;
    }
    const presence = store.readPresence();
    this.snapshotDates = presence.map((p) => p.asOf);
    this.lastSnapshot = new Int32Array(n).fill(-1);
    presence.forEach((p, s) => {
      for (let i = 0; i < n; i++) if (p.present[i]) this.lastSnapshot[i] = s;
    });
  }

  get size(): number {
    return this.accounts.count;
  }

  private get keys(): string[] {
    return this.accounts.keys;
  }

  private get names(): string[] {
    return this.accounts.names;
  }

  // Indexed loops: the summary after an import runs these over a million accounts.
  get churnedCount(): number {
    const { churned } = this;
    let c = 0;
    for (let i = 0; i < churned.length; i++) c += churned[i];
    return c;
  }

  get totalArr(): number {
    const { arr } = this;
    let total = 0;
    for (let i = 0; i < arr.length; i++) if (Number.isFinite(arr[i])) total += arr[i];
    return total;
  }

  segmentCounts(): { name: string; accounts: number }[] {
    const { segment } = this;
    const counts = new Map<string, number>();
    for (let i = 0; i < segment.length; i++) {
      const s = segment[i];
      if (s !== null) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return [...counts].map(([name, accounts]) => ({ name, accounts })).sort((a, b) => b.accounts - a.accounts || a.name.localeCompare(b.name));
  }

  page(request: AccountsPageRequest): AccountsPage {
    const order = this.sortedOrder(request.sort?.column ?? 'name', request.sort?.direction ?? 'asc');
    const needle = request.search?.trim().toLowerCase() ?? '';
    const searchText = needle ? this.searchText() : [];
    const segment = request.segment;
    const filtered = !needle && segment === undefined;
    let total = 0;
    const rows: AccountRow[] = [];
    const end = request.offset + request.limit;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (!filtered) {
        if (segment !== undefined && this.segment[i] !== segment) continue;
        if (needle && !searchText[i].includes(needle)) continue;
      }
      if (total >= request.offset && total < end) rows.push(this.row(i));
      total++;
      if (filtered && total >= end) {
        total = order.length;
        break;
      }
    }
    return { total, offset: request.offset, rows };
  }

  private searchText(): string[] {
    this.searchTextCache ??= this.keys.map((k, i) => `${this.names[i]}\u0000${k}`.toLowerCase());
    return this.searchTextCache;
  }

  private row(i: number): AccountRow {
    const attributes: Record<string, AttributeValue> = {};
    for (const column of this.attributes) attributes[column.field.name] = attributeValue(column, i);
    return {
      index: i,
      key: this.keys[i],
      name: this.names[i],
      segment: this.segment[i],
      arr: Number.isFinite(this.arr[i]) ? this.arr[i] : null,
      churned: this.churned[i] === 1,
      churnDate: this.churnDate[i],
      lastSnapshot: this.lastSnapshot[i] >= 0 ? this.snapshotDates[this.lastSnapshot[i]] : null,
      attributes,
    };
  }

  /** Account positions in display order; missing values sort last in both directions, ties by name. */
  private sortedOrder(column: AccountSortColumn, direction: 'asc' | 'desc'): Int32Array {
    const cacheKey = `${column}:${direction}`;
    const cached = this.sortCache.get(cacheKey);
    if (cached) return cached;
    const sign = direction === 'asc' ? 1 : -1;
    const nameRank = this.rankCache('name', this.names);
    // Numeric sort keys (NaN = missing): text columns become collation ranks, computed once.
    const keys: Float64Array =
      column === 'arr'
        ? this.arr
        : Float64Array.from(this.rankCache(column, { name: this.names, key: this.keys, segment: this.segment, churnDate: this.churnDate }[column]));
    const order = Int32Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      const ma = Number.isNaN(ka);
      const mb = Number.isNaN(kb);
      if (ma !== mb) return ma ? 1 : -1;
      if (!ma && ka !== kb) return sign * (ka - kb);
      return nameRank[a] - nameRank[b] || a - b;
    });
    this.sortCache.set(cacheKey, order);
    return order;
  }

  private readonly ranks = new Map<string, Float64Array>();

  /** Each account's position in the collated order of a text column's distinct values (NaN = missing). */
  private rankCache(column: string, values: (string | null)[]): Float64Array {
    const cached = this.ranks.get(column);
    if (cached) return cached;
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    const distinct = [...new Set(values.filter((v): v is string => v !== null))].sort(collator.compare);
    const rankOf = new Map(distinct.map((v, r) => [v, r]));
    const ranks = Float64Array.from(values, (v) => (v === null ? Number.NaN : rankOf.get(v)!));
    this.ranks.set(column, ranks);
    return ranks;
  }
}

function attributeValue(column: DatasetColumn, i: number): AttributeValue {
  const values = column.values;
  if (isTextColumn(values)) return values[i];
  const v = values[i];
  if (Number.isNaN(v)) return null;
  if (column.field.kind === 'boolean') return v === 1;
  if (column.field.kind === 'date') return epochDayToIso(v);
  return v;
}
