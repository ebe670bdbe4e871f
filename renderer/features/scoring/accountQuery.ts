// The scored accounts table's queries, answered in the worker: sort orders over the current scores
// (cached per scorecard revision), band / segment / text filters, pages, and "Biggest drops".

import type { AccountPage, AccountQuery, BandCode, DropsQuery, ScoredAccount, ScoredSortColumn } from './protocol';
import type { ScoringSession } from './scoringSession';

const BAND_GREEN = 2;
const BAND_YELLOW = 1;
const BAND_RED = 0;

interface CachedOrder {
  revision: number;
  order: Uint32Array;
}

const num = (v: number): number | null => (v === v ? v : null);

export class AccountQueries {
  private readonly orders = new Map<string, CachedOrder>();
  private searchText: string[] | null = null;
  private keyRank: Float64Array | null = null;

  constructor(private readonly session: ScoringSession) {}

  /** Names arrived: name sorts and searches change. */
  namesChanged(): void {
    this.searchText = null;
    for (const key of [...this.orders.keys()]) if (key.startsWith('name:')) this.orders.delete(key);
  }

  page(q: AccountQuery): AccountPage {
    const s = this.session;
    const order = this.order(q.sort.column, q.sort.direction);
    const keep = this.filter(q.segmentId, q.bands, q.search);
    const rows: ScoredAccount[] = [];
    const end = q.offset + q.limit;
    let total = 0;
    if (!keep) {
      total = order.length;
      for (let k = q.offset; k < Math.min(end, total); k++) rows.push(this.row(order[k]));
    } else {
      for (let k = 0; k < order.length; k++) {
        const i = order[k];
        if (!keep(i)) continue;
        if (total >= q.offset && total < end) rows.push(this.row(i));
        total++;
      }
    }
    return { revision: s.revision, total, offset: q.offset, rows };
  }

  /** Accounts whose score fell since the previous snapshot, largest fall first. */
  drops(q: DropsQuery): ScoredAccount[] {
    const s = this.session;
    const prev = s.previousScores();
    if (!prev) return [];
    const { score, band } = s.engine;
    const seg = q.segmentId === null ? -1 : s.engine.matrix.segmentIds.indexOf(q.segmentId);
    const from = q.crossing === 'yellowToRed' ? BAND_YELLOW : BAND_GREEN;
    const to = q.crossing === 'greenToYellow' ? BAND_YELLOW : BAND_RED;
    const picked: number[] = [];
    for (let i = 0; i < score.length; i++) {
      const change = score[i] - prev.score[i];
      if (!(change < 0)) continue;
      if (seg >= 0 && s.engine.matrix.segment[i] !== seg) continue;
      if (q.crossing !== 'anyDrop' && (prev.band[i] !== from || band[i] !== to)) continue;
      picked.push(i);
    }
    picked.sort((a, b) => score[a] - prev.score[a] - (score[b] - prev.score[b]) || a - b);
    return picked.slice(0, q.limit).map((i) => this.row(i));
  }

  row(i: number): ScoredAccount {
    const s = this.session;
    const e = s.engine;
    const prev = s.previousScores();
    const score = e.score[i];
    const previousScore = prev ? prev.score[i] : Number.NaN;
    const arr = s.current.data.arr?.[i] ?? Number.NaN;
    return {
      index: i,
      key: s.current.data.keys[i],
      name: s.names ? s.names[i] : null,
      segmentId: e.matrix.segmentIds[e.matrix.segment[i]],
      score: num(score),
      band: e.band[i] as BandCode,
      previousScore: num(previousScore),
      previousBand: prev ? (prev.band[i] as BandCode) : null,
      change: num(score - previousScore),
      coverage: e.matrix.present[i] ? e.coverageOf(i) : null,
      arr: num(arr),
      churned: s.current.churned[i] === 1,
    };
  }

  private filter(segmentId: string | null, bands: BandCode[] | null, search: string): ((i: number) => boolean) | null {
    const s = this.session;
    const needle = search.trim().toLowerCase();
    if (segmentId === null && bands === null && !needle) return null;
    const seg = segmentId === null ? -1 : s.engine.matrix.segmentIds.indexOf(segmentId);
    const segment = s.engine.matrix.segment;
    const band = s.engine.band;
    const allowed = new Uint8Array(5);
    for (const b of bands ?? [0, 1, 2, 3, 4]) allowed[b] = 1;
    const text = needle ? this.texts() : null;
    return (i) => (seg < 0 || segment[i] === seg) && allowed[band[i]] === 1 && (!text || text[i].includes(needle));
  }

  private texts(): string[] {
    if (!this.searchText) {
      const { keys } = this.session.current.data;
      const names = this.session.names;
      this.searchText = keys.map((k, i) => (names ? `${names[i]}\u0000${k}` : k).toLowerCase());
    }
    return this.searchText;
  }

  private order(column: ScoredSortColumn, direction: 'asc' | 'desc'): Uint32Array {
    const s = this.session;
    const cacheKey = `${column}:${direction}`;
    const cached = this.orders.get(cacheKey);
    const scoreDependent = column !== 'name' && column !== 'key' && column !== 'arr';
    if (cached && (!scoreDependent || cached.revision === s.revision)) return cached.order;
    const keys = this.sortKeys(column);
    const tie = this.tieBreak();
    const sign = direction === 'asc' ? 1 : -1;
    const order = Uint32Array.from({ length: keys.length }, (_, i) => i);
    order.sort((a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      const ma = ka !== ka;
      const mb = kb !== kb;
      // Missing values last in either direction, then the name order.
      if (ma !== mb) return ma ? 1 : -1;
      if (!ma && ka !== kb) return sign * (ka - kb);
      return tie[a] - tie[b] || a - b;
    });
    this.orders.set(cacheKey, { revision: s.revision, order });
    return order;
  }

  private tieBreak(): ArrayLike<number> {
    return this.session.nameRank ?? this.keyRanks();
  }

  private keyRanks(): Float64Array {
    if (!this.keyRank) {
      const keys = this.session.current.data.keys;
      const byKey = Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
      this.keyRank = new Float64Array(keys.length);
      byKey.forEach((i, rank) => (this.keyRank![i] = rank));
    }
    return this.keyRank;
  }

  /** One number per account to sort by; NaN sorts last. */
  private sortKeys(column: ScoredSortColumn): ArrayLike<number> {
    const s = this.session;
    const e = s.engine;
    const n = s.accountCount;
    switch (column) {
      case 'name':
        return s.nameRank ?? this.keyRanks();
      case 'key':
        return this.keyRanks();
      case 'arr':
        return s.current.data.arr ?? new Float64Array(n).fill(Number.NaN);
      case 'segment':
        return e.matrix.segment;
      case 'score':
        return e.score;
      case 'band': {
        // Red first ascending; an absent account has no band to compare.
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = e.band[i] === 4 ? Number.NaN : e.band[i];
        return out;
      }
      case 'coverage': {
        const out = e.coverage();
        for (let i = 0; i < n; i++) if (!e.matrix.present[i]) out[i] = Number.NaN;
        return out;
      }
      case 'change': {
        const prev = s.previousScores();
        const out = new Float64Array(n).fill(Number.NaN);
        if (prev) for (let i = 0; i < n; i++) out[i] = e.score[i] - prev.score[i];
        return out;
      }
    }
  }
}
