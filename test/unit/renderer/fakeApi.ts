// An in-memory Api for the renderer's component tests: a generated workspace of accounts served
// page by page, honouring offset/limit/sort/search/segment like the real services, with knobs for
// failures and slow answers. Test files mock `renderer/api/client` with `clientModule`.

import { vi } from 'vitest';
import {
  ApiError,
  type AccountRow,
  type AccountsPage,
  type AccountsPageRequest,
  type Api,
  type AppInfo,
  type RecentWorkspace,
  type ScorecardVersionInfo,
  type WorkspaceSummary,
} from '../../../shared/api';
import { diffScorecards } from '../../../shared/scorecard/diff';
import type { Scorecard } from '../../../shared/scorecard/types';
import { parseScorecard, parseScorecardJson, serializeScorecard } from '../../../shared/scorecard/validate';
import { SNAPSHOT_DATES } from './fakeDates';
import { fakeScorecard, fakeScoringTransfer } from './fakeScoringData';

const PREFIXES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Cyberdyne', 'Soylent'];
const SUFFIXES = ['Labs', 'Systems', 'Group', 'Holdings', 'Works', 'Partners', 'Dynamics'];
const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'];
const PLANS = ['Starter', 'Growth', 'Scale'];

export { SNAPSHOT_DATES };

function segmentOf(i: number): string {
  const bucket = i % 10;
  return bucket < 2 ? 'Enterprise' : bucket < 5 ? 'Mid-Market' : 'SMB';
}

/** Deterministic accounts: names `<Prefix> <Suffix>`, keys `ACC-00001`…, distinct ARRs, some missing. */
export function generateAccounts(count: number): AccountRow[] {
  return Array.from({ length: count }, (_, i) => {
    const churned = i % 16 === 3;
    const churnDate = churned ? SNAPSHOT_DATES[1 + (i % 10)] : null;
    return {
      index: i,
      key: `ACC-${String(i + 1).padStart(5, '0')}`,
      name: `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[i % SUFFIXES.length]}`,
      segment: segmentOf(i),
      // 7919 is prime, so (i × 7919) mod count is a permutation: every ARR is distinct.
      arr: i % 97 === 5 ? null : ((i * 7919) % count) * 20 + 1000,
      churned,
      churnDate,
      lastSnapshot: churned ? SNAPSHOT_DATES[i % 10] : SNAPSHOT_DATES[SNAPSHOT_DATES.length - 1],
      attributes: {
        segment: segmentOf(i),
        csm_assigned: i % 3 !== 0,
        region: REGIONS[i % REGIONS.length],
        plan: PLANS[i % PLANS.length],
        seats: 5 + (i % 40),
      },
    };
  });
}

export function summarize(rows: AccountRow[], overrides: Partial<WorkspaceSummary> = {}): WorkspaceSummary {
  const segments = new Map<string, number>();
  for (const row of rows) if (row.segment) segments.set(row.segment, (segments.get(row.segment) ?? 0) + 1);
  return {
    path: '/data/demo.hsw',
    name: 'Acme Demo',
    isDemo: true,
    schemaVersion: 1,
    accountCount: rows.length,
    churnedCount: rows.filter((r) => r.churned).length,
    totalArr: 12_430_000,
    snapshotDates: SNAPSHOT_DATES,
    segments: [...segments].map(([name, accounts]) => ({ name, accounts })).sort((a, b) => b.accounts - a.accounts),
    attributes: [
      { name: 'segment', kind: 'text' },
      { name: 'seats', kind: 'number' },
      { name: 'region', kind: 'text' },
      { name: 'csm_assigned', kind: 'boolean' },
      { name: 'plan', kind: 'text' },
    ],
    metrics: [
      { name: 'logins_30d', kind: 'number' },
      { name: 'seat_utilization_pct', kind: 'number' },
      { name: 'nps', kind: 'number' },
    ],
    ...overrides,
  };
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function queryAccounts(rows: AccountRow[], request: AccountsPageRequest): AccountsPage {
  const needle = request.search?.toLowerCase() ?? '';
  let matching = rows.filter(
    (r) =>
      (!needle || r.name.toLowerCase().includes(needle) || r.key.toLowerCase().includes(needle)) &&
      (request.segment === undefined || r.segment === request.segment),
  );
  const sort = request.sort;
  if (sort) {
    const sign = sort.direction === 'asc' ? 1 : -1;
    matching = [...matching].sort((a, b) => {
      const va = a[sort.column];
      const vb = b[sort.column];
      // Missing values last in either direction, then the workspace order.
      if (va === null || vb === null) return compare(va, vb) || a.index - b.index;
      return sign * compare(va, vb) || a.index - b.index;
    });
  }
  return { total: matching.length, offset: request.offset, rows: matching.slice(request.offset, request.offset + request.limit) };
}

type Method = keyof Api;

class FakeBackend {
  rows: AccountRow[] = [];
  summary: WorkspaceSummary | null = null;
  appInfo: AppInfo = { version: '0.1.0', mode: 'browser', startupMessage: null };
  recent: RecentWorkspace[] = [];
  /** A method listed here rejects with this error (once when `failOnce`). */
  failures = new Map<Method, { error: Error; once: boolean }>();
  /** Milliseconds before a listAccounts answer arrives. */
  latency: (request: AccountsPageRequest) => number = () => 0;
  /** Milliseconds before a saveScorecardDraft answer arrives. */
  saveLatency = 0;
  draft: Scorecard = fakeScorecard();
  draftUpdatedAt = '2026-11-02T09:00:00.000Z';
  versions: (ScorecardVersionInfo & { scorecard: Scorecard })[] = [];
  private clock = 0;

  readonly api = {
    getAppInfo: vi.fn(async (_args: Record<string, never>) => this.answer('getAppInfo', () => ({ ...this.appInfo }))),
    getWorkspaceSummary: vi.fn(async (_args: Record<string, never>) => this.answer('getWorkspaceSummary', () => this.summary)),
    openWorkspace: vi.fn(async (args: { path: string }) => this.answer('openWorkspace', () => this.open(args.path))),
    createWorkspace: vi.fn(async (args: { path: string; name?: string }) =>
      this.answer('createWorkspace', () => {
        this.rows = [];
        return this.open(args.path, args.name, false);
      }),
    ),
    openDemoWorkspace: vi.fn(async (_args: Record<string, never>) =>
      this.answer('openDemoWorkspace', () => {
        this.rows = generateAccounts(5_000);
        return this.open('/data/demo.hsw', 'Acme Demo', true);
      }),
    ),
    listRecentWorkspaces: vi.fn(async (_args: Record<string, never>) => this.answer('listRecentWorkspaces', () => [...this.recent])),
    listAccounts: vi.fn(async (args: AccountsPageRequest) => {
      const wait = this.latency(args);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return this.answer('listAccounts', () => queryAccounts(this.rows, args));
    }),
    getScorecard: vi.fn(async (_args: Record<string, never>) => this.answer('getScorecard', () => this.scorecardState())),
    saveScorecardDraft: vi.fn(async (args: { scorecard: Scorecard }) => {
      if (this.saveLatency > 0) await new Promise((resolve) => setTimeout(resolve, this.saveLatency));
      return this.answer('saveScorecardDraft', () => {
        this.draft = parseScorecard(args.scorecard);
        this.draftUpdatedAt = this.tick();
        return { draftUpdatedAt: this.draftUpdatedAt };
      });
    }),
    saveScorecardVersion: vi.fn(async (args: { message: string }) =>
      this.answer('saveScorecardVersion', () => {
        const info = { version: this.versions.length + 1, message: args.message, createdAt: this.tick() };
        this.versions.unshift({ ...info, scorecard: structuredClone(this.draft) });
        return info;
      }),
    ),
    getScorecardVersion: vi.fn(async (args: { version: number }) =>
      this.answer('getScorecardVersion', () => {
        const v = this.versions.find((x) => x.version === args.version);
        if (!v) throw new ApiError('not_found', `no version ${args.version}`);
        return structuredClone(v.scorecard);
      }),
    ),
    diffScorecards: vi.fn(async (args: { from: number | 'draft'; to: number | 'draft' }) =>
      this.answer('diffScorecards', () => diffScorecards(this.scorecardAt(args.from), this.scorecardAt(args.to))),
    ),
    importScorecardFile: vi.fn(async (args: { text: string; fileName: string }) =>
      this.answer('importScorecardFile', () => {
        this.draft = parseScorecardJson(args.text, args.fileName);
        this.draftUpdatedAt = this.tick();
        return this.scorecardState();
      }),
    ),
    exportScorecardFile: vi.fn(async (args: { version?: number }) =>
      this.answer('exportScorecardFile', () => ({ fileName: 'fake-health.scorecard.json', text: serializeScorecard(this.scorecardAt(args.version ?? 'draft')) })),
    ),
    getScoringData: vi.fn(async (args: { asOf?: string }) => this.answer('getScoringData', () => fakeScoringTransfer(this.rows, args.asOf))),
    // The import methods have their own fake (import/fakeImportApi.ts); these tests never call them.
  } satisfies Partial<Api>;

  reset({ accounts = 5_000, summary = true }: { accounts?: number; summary?: boolean } = {}) {
    this.rows = generateAccounts(accounts);
    this.summary = summary ? summarize(this.rows) : null;
    this.appInfo = { version: '0.1.0', mode: 'browser', startupMessage: null };
    this.recent = [];
    this.failures.clear();
    this.latency = () => 0;
    this.saveLatency = 0;
    this.draft = fakeScorecard();
    this.draftUpdatedAt = '2026-11-02T09:00:00.000Z';
    this.versions = [];
    for (const fn of Object.values(this.api)) fn.mockClear();
  }

  fail(method: Method, error: Error, { once = false } = {}) {
    this.failures.set(method, { error, once });
  }

  /** Every matching key in the order the table should show them (by name unless told otherwise). */
  orderedKeys(request: Partial<AccountsPageRequest> = {}): string[] {
    const full: AccountsPageRequest = { sort: { column: 'name', direction: 'asc' }, ...request, offset: 0, limit: this.rows.length };
    return queryAccounts(this.rows, full).rows.map((r) => r.key);
  }

  /** The listAccounts requests made so far. */
  accountRequests(): AccountsPageRequest[] {
    return this.api.listAccounts.mock.calls.map(([request]) => request);
  }

  private scorecardState() {
    return {
      name: this.draft.name,
      draft: structuredClone(this.draft),
      draftUpdatedAt: this.draftUpdatedAt,
      versions: this.versions.map(({ version, message, createdAt }) => ({ version, message, createdAt })),
      notes: [],
    };
  }

  private scorecardAt(ref: number | 'draft'): Scorecard {
    if (ref === 'draft') return this.draft;
    const v = this.versions.find((x) => x.version === ref);
    if (!v) throw new ApiError('not_found', `no version ${ref}`);
    return v.scorecard;
  }

  /** Distinct, increasing timestamps. */
  private tick(): string {
    this.clock++;
    return new Date(Date.UTC(2026, 10, 2, 10, 0, this.clock)).toISOString();
  }

  private open(path: string, name?: string, isDemo = false): WorkspaceSummary {
    const known = this.recent.find((r) => r.path === path);
    const fileName = path.split('/').pop()?.replace(/\.[^.]+$/, '') ?? path;
    this.summary = summarize(this.rows, {
      path,
      name: name ?? known?.name ?? fileName,
      isDemo,
      totalArr: this.rows.reduce((sum, r) => sum + (r.arr ?? 0), 0),
      snapshotDates: this.rows.length ? SNAPSHOT_DATES : [],
    });
    return this.summary;
  }

  private answer<T>(method: Method, produce: () => T): T {
    const failure = this.failures.get(method);
    if (failure) {
      if (failure.once) this.failures.delete(method);
      throw failure.error;
    }
    return produce();
  }
}

export const backend = new FakeBackend();

/** Stands in for `renderer/api/client`. */
export const clientModule = { api: backend.api as unknown as Api, transport: 'http' as const };

export { ApiError };
