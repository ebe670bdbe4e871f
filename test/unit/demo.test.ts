import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ColumnValues, WorkspaceDataset } from '../../shared/dataset';
import { isTextColumn } from '../../shared/dataset';
import { isoToEpochDay } from '../../shared/dates';
import { DEMO_WORKSPACE_NAME, generateDemoDataset } from '../../shared/demo/generateDemoDataset';

const METRICS: [string, string][] = [
  ['active_users', 'number'],
  ['seat_utilization_pct', 'number'],
  ['feature_adoption_pct', 'number'],
  ['logins_30d', 'number'],
  ['last_login', 'date'],
  ['support_tickets_30d', 'number'],
  ['nps', 'number'],
  ['csm_pulse', 'text'],
  ['delinquent', 'boolean'],
  ['arr', 'number'],
];

/** FNV-1a over every byte and string of the dataset: equal digests ⇔ (practically) equal data. */
function digest(ds: WorkspaceDataset): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const byte = (b: number) => {
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
  };
  const str = (s: string | null) => {
    if (s === null) return byte(0xff);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      byte(c & 0xff);
      byte(c >>> 8);
    }
    byte(0xfe);
  };
  const typed = (a: Float64Array | Uint8Array) => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) byte(bytes[i]);
  };
  const column = (v: ColumnValues) => (isTextColumn(v) ? v.forEach(str) : typed(v));
  ds.accounts.keys.forEach(str);
  ds.accounts.names.forEach(str);
  typed(ds.accounts.arr);
  for (const a of ds.accounts.attributes) {
    str(a.field.name + a.field.kind);
    column(a.values);
  }
  for (const s of ds.snapshots) {
    str(s.asOf);
    typed(s.present);
    for (const m of s.metrics) {
      str(m.field.name + m.field.kind);
      column(m.values);
    }
  }
  for (const c of ds.churn) {
    str(String(c.accountIndex));
    str(c.churnDate);
  }
  return `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}`;
}

const attr = (ds: WorkspaceDataset, name: string) => ds.accounts.attributes.find((a) => a.field.name === name)!.values;
const metric = (ds: WorkspaceDataset, s: number, name: string) => ds.snapshots[s].metrics.find((m) => m.field.name === name)!.values;

/** Mid-rank in [0, 1] among present, non-missing values (NaN otherwise). */
function rankNormalise(values: Float64Array, present: Uint8Array): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (present[i] && !Number.isNaN(values[i])) idx.push(i);
  idx.sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let k = 0; k < idx.length; ) {
    let j = k;
    while (j + 1 < idx.length && values[idx[j + 1]] === values[idx[k]]) j++;
    for (let t = k; t <= j; t++) out[idx[t]] = (k + j) / 2 / Math.max(1, idx.length - 1);
    k = j + 1;
  }
  return out;
}

/** Probability that a random retained account scores higher than a random churned one (ties ½). */
function auc(scores: number[], churned: boolean[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumRetained = 0;
  let retained = 0;
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[k]]) j++;
    for (let t = k; t <= j; t++) {
      if (!churned[order[t]]) {
        rankSumRetained += (k + j) / 2 + 1;
        retained++;
      }
    }
    k = j + 1;
  }
  const lost = order.length - retained;
  return (rankSumRetained - (retained * (retained + 1)) / 2) / (retained * lost);
}

/** Simple health proxy: mean rank of usage, adoption and logins, and of few support tickets. */
function healthProxy(ds: WorkspaceDataset, s: number): Float64Array {
  const present = ds.snapshots[s].present;
  const parts = [
    rankNormalise(metric(ds, s, 'seat_utilization_pct') as Float64Array, present),
    rankNormalise(metric(ds, s, 'feature_adoption_pct') as Float64Array, present),
    rankNormalise(metric(ds, s, 'logins_30d') as Float64Array, present),
    rankNormalise(metric(ds, s, 'support_tickets_30d') as Float64Array, present).map((r) => 1 - r),
  ];
  const out = new Float64Array(present.length).fill(Number.NaN);
  for (let i = 0; i < present.length; i++) {
    let sum = 0;
    let k = 0;
    for (const p of parts) {
      if (Number.isNaN(p[i])) continue;
      sum += p[i];
      k++;
    }
    if (k > 0) out[i] = sum / k;
  }
  return out;
}

function churnDays(ds: WorkspaceDataset): Float64Array {
  const out = new Float64Array(ds.accounts.keys.length).fill(Number.NaN);
  for (const c of ds.churn) out[c.accountIndex] = isoToEpochDay(c.churnDate!);
  return out;
}

function churnRateBySegment(ds: WorkspaceDataset): Record<string, number> {
  const seg = attr(ds, 'segment') as string[];
  const churned = churnDays(ds);
  const totals: Record<string, [number, number]> = {};
  seg.forEach((s, i) => {
    totals[s] ??= [0, 0];
    totals[s][1]++;
    if (!Number.isNaN(churned[i])) totals[s][0]++;
  });
  return Object.fromEntries(Object.entries(totals).map(([k, [c, n]]) => [k, c / n]));
}

let ds: WorkspaceDataset;
let generationMs = 0;

beforeAll(() => {
  generateDemoDataset({ accounts: 200 }); // warm up the JIT so the timing below means something
  const t = performance.now();
  ds = generateDemoDataset();
  generationMs = performance.now() - t;
});

afterEach(() => vi.restoreAllMocks());

describe('generateDemoDataset', () => {
  it('is deterministic: the same seed gives identical data, another seed differs', () => {
    expect(digest(generateDemoDataset())).toBe(digest(ds));
    expect(digest(generateDemoDataset({ seed: 20261123 }))).not.toBe(digest(ds));
    expect(DEMO_WORKSPACE_NAME).toMatch(/demo/i);
  });

  it('never reads Math.random or the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    generateDemoDataset({ accounts: 300 });
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it('has the expected accounts, snapshot dates, fields and segment shares', () => {
    const n = 2000;
    expect(ds.accounts.keys).toHaveLength(n);
    expect(new Set(ds.accounts.keys).size).toBe(n);
    expect(ds.accounts.keys[0]).toBe('ACC-00001');
    expect(ds.accounts.keys.every((k) => /^ACC-\d{5}$/.test(k))).toBe(true);
    expect(new Set(ds.accounts.names).size).toBe(n);
    expect(ds.snapshots.map((s) => s.asOf)).toEqual([
      '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01',
      '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01',
    ]);
    expect(ds.accounts.attributes.map((a) => `${a.field.name}:${a.field.kind}`)).toEqual([
      'segment:text', 'csm_assigned:boolean', 'region:text', 'industry:text', 'plan:text', 'signup_date:date',
    ]);
    for (const s of ds.snapshots) {
      expect(s.metrics.map((m) => [m.field.name, m.field.kind])).toEqual(METRICS);
      expect(s.present).toHaveLength(n);
      for (const m of s.metrics) expect(m.values).toHaveLength(n);
    }

    const seg = attr(ds, 'segment') as string[];
    const csm = attr(ds, 'csm_assigned') as Float64Array;
    const share = (name: string) => seg.filter((s) => s === name).length / n;
    expect(new Set(seg)).toEqual(new Set(['Enterprise', 'Mid-Market', 'SMB']));
    expect(share('Enterprise')).toBeGreaterThan(0.1);
    expect(share('Enterprise')).toBeLessThan(0.2);
    expect(share('Mid-Market')).toBeGreaterThan(0.24);
    expect(share('Mid-Market')).toBeLessThan(0.36);
    expect(share('SMB')).toBeGreaterThan(0.48);
    expect(share('SMB')).toBeLessThan(0.62);
    const csmRate = (name: string) => seg.reduce((c, s, i) => c + (s === name ? csm[i] : 0), 0) / (share(name) * n);
    expect(csmRate('Enterprise')).toBeGreaterThan(0.85);
    expect(csmRate('Mid-Market')).toBeGreaterThan(0.35);
    expect(csmRate('Mid-Market')).toBeLessThan(0.65);
    expect(csmRate('SMB')).toBeLessThan(0.1);

    const medianArr = (name: string) => {
      const v = Array.from(ds.accounts.arr).filter((_, i) => seg[i] === name).sort((a, b) => a - b);
      return v[v.length >> 1];
    };
    expect(medianArr('Enterprise')).toBeGreaterThan(150_000);
    expect(medianArr('Mid-Market')).toBeGreaterThan(25_000);
    expect(medianArr('Mid-Market')).toBeLessThan(80_000);
    expect(medianArr('SMB')).toBeLessThan(10_000);
  });

  it('honours custom snapshot counts and end dates, and rejects bad options', () => {
    const small = generateDemoDataset({ accounts: 50, snapshots: 3, lastSnapshot: '2025-03-31' });
    expect(small.snapshots.map((s) => s.asOf)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(small.accounts.keys).toHaveLength(50);
    expect(() => generateDemoDataset({ accounts: 0 })).toThrow(RangeError);
    expect(() => generateDemoDataset({ snapshots: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoDataset({ lastSnapshot: '2026-02-30' })).toThrow(RangeError);
  });

  it('keeps values in range, NPS mostly missing and CSM pulse only where a CSM is assigned', () => {
    const csm = attr(ds, 'csm_assigned') as Float64Array;
    const signup = attr(ds, 'signup_date') as Float64Array;
    let rows = 0;
    let npsMissing = 0;
    let usageMissing = 0;
    let delinquent = 0;
    ds.snapshots.forEach((snap, s) => {
      const day = isoToEpochDay(snap.asOf);
      const num = (name: string) => metric(ds, s, name) as Float64Array;
      const pulse = metric(ds, s, 'csm_pulse') as (string | null)[];
      const inRange = (name: string, i: number, lo: number, hi: number, integer = false) => {
        const v = num(name)[i];
        if (Number.isNaN(v)) return;
        if (!(v >= lo && v <= hi) || (integer && !Number.isInteger(v))) throw new Error(`${name}[${i}] = ${v} at ${snap.asOf}`);
      };
      for (let i = 0; i < snap.present.length; i++) {
        if (!snap.present[i]) {
          for (const m of snap.metrics) {
            const blank = isTextColumn(m.values) ? m.values[i] === null : Number.isNaN(m.values[i]);
            if (!blank) throw new Error(`absent account ${i} has ${m.field.name} at ${snap.asOf}`);
          }
          continue;
        }
        rows++;
        if (Number.isNaN(num('nps')[i])) npsMissing++;
        if (Number.isNaN(num('active_users')[i])) usageMissing++;
        if (num('delinquent')[i] === 1) delinquent++;
        expect(pulse[i] === null).toBe(csm[i] === 0);
        if (pulse[i] !== null) expect(['Green', 'Yellow', 'Red']).toContain(pulse[i]);
        inRange('active_users', i, 0, 1e6, true);
        inRange('seat_utilization_pct', i, 0, 100);
        inRange('feature_adoption_pct', i, 0, 100);
        inRange('logins_30d', i, 0, 1e7, true);
        inRange('last_login', i, signup[i], day, true);
        inRange('support_tickets_30d', i, 0, 1000, true);
        inRange('nps', i, 0, 10, true);
        inRange('delinquent', i, 0, 1, true);
        inRange('arr', i, 100, 5e6);
      }
    });
    expect(npsMissing / rows).toBeGreaterThan(0.5);
    expect(npsMissing / rows).toBeLessThan(0.9);
    expect(usageMissing / rows).toBeGreaterThan(0.002);
    expect(usageMissing / rows).toBeLessThan(0.05);
    expect(delinquent / rows).toBeGreaterThan(0.001);
    expect(delinquent / rows).toBeLessThan(0.05);
  });

  it('has accounts present from signup until churn, and dated churn at plausible rates', () => {
    const signup = attr(ds, 'signup_date') as Float64Array;
    const churned = churnDays(ds);
    const first = isoToEpochDay(ds.snapshots[0].asOf);
    const last = isoToEpochDay(ds.snapshots[ds.snapshots.length - 1].asOf);
    expect(new Set(ds.churn.map((c) => c.accountIndex)).size).toBe(ds.churn.length);
    for (const c of ds.churn) {
      expect(c.churnDate).not.toBeNull();
      const d = isoToEpochDay(c.churnDate!);
      expect(d > first && d < last).toBe(true);
    }
    // Some logos sign up during the window.
    expect(Array.from(signup).filter((d) => d > first).length).toBeGreaterThan(40);
    for (const snap of ds.snapshots) {
      const day = isoToEpochDay(snap.asOf);
      for (let i = 0; i < snap.present.length; i++) {
        const expected = signup[i] <= day && !(churned[i] <= day) ? 1 : 0;
        if (snap.present[i] !== expected) throw new Error(`account ${i} present=${snap.present[i]} at ${snap.asOf}`);
      }
    }
    const rate = ds.churn.length / ds.accounts.keys.length;
    expect(rate).toBeGreaterThan(0.12);
    expect(rate).toBeLessThan(0.24);
    const bySegment = churnRateBySegment(ds);
    expect(bySegment.SMB).toBeGreaterThan(bySegment['Mid-Market']);
    expect(bySegment['Mid-Market']).toBeGreaterThan(bySegment.Enterprise);
    expect(bySegment.SMB).toBeGreaterThan(2 * bySegment.Enterprise);
  });

  it('lets a simple health proxy three months out predict churn in the next 90 days', () => {
    const s = ds.snapshots.length - 4;
    const asOf = isoToEpochDay(ds.snapshots[s].asOf);
    const proxy = healthProxy(ds, s);
    const churned = churnDays(ds);
    const scores: number[] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < proxy.length; i++) {
      if (!ds.snapshots[s].present[i] || Number.isNaN(proxy[i])) continue;
      scores.push(proxy[i]);
      labels.push(churned[i] > asOf && churned[i] <= asOf + 90);
    }
    expect(labels.filter(Boolean).length).toBeGreaterThan(30);
    const measured = auc(scores, labels);
    console.info(`demo AUC (proxy at ${ds.snapshots[s].asOf}, 90-day horizon): ${measured.toFixed(3)}`);
    expect(measured).toBeGreaterThanOrEqual(0.7);
  });

  it('shows churners declining over the months before they leave (lead time)', () => {
    const proxies = ds.snapshots.map((_, s) => healthProxy(ds, s));
    const churned = churnDays(ds);
    let lastBefore = 0;
    let threeEarlier = 0;
    let k = 0;
    for (const c of ds.churn) {
      const d = churned[c.accountIndex];
      const s = ds.snapshots.findLastIndex((snap) => isoToEpochDay(snap.asOf) < d);
      const a = proxies[s]?.[c.accountIndex];
      const b = proxies[s - 3]?.[c.accountIndex];
      if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) continue;
      lastBefore += a;
      threeEarlier += b;
      k++;
    }
    expect(k).toBeGreaterThan(100);
    expect(lastBefore / k).toBeLessThan(threeEarlier / k - 0.03);
    expect(threeEarlier / k).toBeLessThan(0.5);
  });

  it('scales to 100k accounts (time printed, not asserted)', () => {
    const t = performance.now();
    const big = generateDemoDataset({ accounts: 100_000 });
    const ms = performance.now() - t;
    console.info(`demo generation: 2k accounts ${generationMs.toFixed(0)} ms, 100k accounts ${ms.toFixed(0)} ms`);
    expect(big.accounts.keys).toHaveLength(100_000);
    expect(big.accounts.keys[99_999]).toBe('ACC-100000');
    expect(new Set(big.accounts.names).size).toBe(100_000);
    expect(big.snapshots[11].present).toHaveLength(100_000);
    const rate = big.churn.length / 100_000;
    expect(rate).toBeGreaterThan(0.12);
    expect(rate).toBeLessThan(0.24);
    const bySegment = churnRateBySegment(big);
    console.info(`demo churn (100k): ${JSON.stringify(bySegment)} overall ${rate.toFixed(3)}`);
  });
});
