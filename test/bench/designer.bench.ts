// Designer latency in Chromium: a demo workspace of 100k accounts (1M as well with
// HEALTHSCORE_BENCH_ACCOUNTS=1000000; slow to generate), browser mode, and 200 programmatic moves
// of one weight slider, twice: input events at any moment, and at the start of a frame as real
// pointer moves arrive. Each move is timed by the app's opt-in perf probe (renderer/features/
// scoring/perfProbe.ts) from the slider's input event to the animation frame after the commit
// that shows the worker's answer (histogram, segment bars, KPI tiles), and to that commit. One
// move at a time: the next starts when the previous one is on screen, so nothing is coalesced
// away; 20 warm-up moves per run are not counted. Assumes dist/ is built.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startHost } from '../helpers/browserHost';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Debian's Chromium as test/helpers/chromium.ts launches it. playwright-core is loaded at run time
 * from node_modules: scripts/bench.mjs bundles each bench, and playwright-core cannot be bundled.
 */
async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const load = createRequire(path.join(ROOT, 'package.json'));
  const { chromium } = load(['playwright', 'core'].join('-')) as typeof import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.HEALTHSCORE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}
const MOVES = 200;
/** Moves before the measured ones, so the JIT has compiled the path (first moves run ~10× slower). */
const WARMUP_MOVES = 20;
const SLIDER = 'Weight of Active users (SMB)';

interface Sample {
  seq: number;
  inputToPaint: number;
  inputToCommit: number;
  inFirstFrame: boolean;
}

// The few page globals the evaluated callbacks touch (this file is type-checked without the DOM lib).
interface PageElement {
  max: string;
  getAttribute(name: string): string | null;
  dispatchEvent(event: unknown): boolean;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const requestAnimationFrame: (callback: () => void) => number;
declare const window: { __healthscorePerf?: { samples: Sample[] } };
declare const HTMLInputElement: { prototype: object };
declare const Event: new (type: string, init: { bubbles: boolean }) => unknown;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function stats(values: number[]) {
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(values, 0.5)), p95: round(percentile(values, 0.95)), max: round(Math.max(...values)) };
}

function generateWorkspace(file: string, accounts: number): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/healthscore.mjs'), 'demo', '--workspace', file, '--accounts', String(accounts)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`demo generation failed: ${(r.stderr || r.stdout).trim()}`);
  return performance.now() - started;
}

type Page = Awaited<ReturnType<Browser['newPage']>>;

/**
 * One slider move as a drag's input event; `aligned` dispatches it at the start of a frame (inside
 * requestAnimationFrame), where Chromium delivers real pointer moves, else at any moment.
 */
async function move(page: Page, step: number, aligned: boolean): Promise<void> {
  await page.evaluate(
    ({ name, step, aligned }) => {
      const fire = () => {
        const el = document.querySelector(`input[type="range"][aria-label="${name}"]`)!;
        // A zig-zag over the slider's scale, never the same value twice in a row.
        const fraction = 0.05 + 0.9 * Math.abs(((step * 7) % 40) / 20 - 1);
        // React tracks the value it set; the native setter makes the change visible to it.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(fraction * Number(el.max)));
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      if (aligned) requestAnimationFrame(fire);
      else fire();
    },
    { name: SLIDER, step, aligned },
  );
}

/** Warm-up moves, then MOVES measured ones, each waited for until painted. */
async function measureMoves(page: Page, aligned: boolean, firstStep: number) {
  const before = await page.evaluate(() => window.__healthscorePerf!.samples.length);
  for (let i = 0; i < WARMUP_MOVES + MOVES; i++) {
    await move(page, firstStep + i, aligned);
    await page.waitForFunction((n) => window.__healthscorePerf!.samples.length >= n, before + i + 1, { timeout: 60_000 });
  }
  const samples = (await page.evaluate(() => window.__healthscorePerf!.samples)).slice(before + WARMUP_MOVES);
  const paint = samples.map((s) => s.inputToPaint);
  return {
    moves: samples.length,
    inputToPaintMs: stats(paint),
    inputToCommitMs: stats(samples.map((s) => s.inputToCommit)),
    // Drawn in the first frame that began after the input: the best a worker round trip allows.
    shownInFirstFramePct: Math.round((1000 * samples.filter((s) => s.inFirstFrame).length) / samples.length) / 10,
  };
}

async function runSize(accounts: number): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'healthscore-designer-bench-'));
  const workspace = path.join(dir, 'big.hsw');
  try {
    const generateMs = generateWorkspace(workspace, accounts);
    const host = await startHost(['--data-dir', dir, '--workspace', workspace]);
    const { browser, close } = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(() => {
        window.__healthscorePerf = { samples: [] };
      });
      const opened = performance.now();
      await page.goto(host.url);
      await page.getByRole('slider', { name: SLIDER }).waitFor({ timeout: 300_000 });
      await page.getByTestId('kpi-red').waitFor({ timeout: 300_000 });
      const loadMs = performance.now() - opened;
      const anyMoment = await measureMoves(page, false, 0);
      const frameAligned = await measureMoves(page, true, WARMUP_MOVES + MOVES);
      const counts = await page.evaluate(() =>
        ['red', 'yellow', 'green', 'unscored'].map((b) => Number(document.querySelector(`[data-testid="kpi-${b}"]`)?.getAttribute('data-count'))),
      );
      return {
        accounts,
        generateWorkspaceMs: Math.round(generateMs),
        firstScreenMs: Math.round(loadMs),
        inputAtAnyMoment: anyMoment,
        inputAtFrameStart: frameAligned,
        finalBandCounts: counts,
      };
    } finally {
      await close();
      await host.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDesignerBench(): Promise<Record<string, unknown>> {
  if (!fs.existsSync(path.join(ROOT, 'dist/renderer/index.html')) || !fs.existsSync(path.join(ROOT, 'dist/electron/host.cjs'))) {
    throw new Error('dist/ is not built: run `node scripts/build.mjs` first');
  }
  const sizes = [100_000];
  const extra = Number(process.env.HEALTHSCORE_BENCH_ACCOUNTS);
  if (Number.isInteger(extra) && extra > 0 && extra !== 100_000) sizes.push(extra);
  const results: Record<string, unknown> = {
    targets: { '100k_p95_ms': 16, '1M_p95_ms': 50 },
    // inputToPaint runs to the start of the next frame, so at 60 Hz it includes waiting for that
    // frame's turn (up to 16.7 ms) however fast the app is; inputToCommit is the app's own latency
    // (worker, React commit, charts drawn), and shownInFirstFramePct says whether it fit in a frame.
    measuredAgainstTarget: 'inputToCommitMs.p95, with shownInFirstFramePct',
  };
  for (const n of sizes) results[`accounts_${n}`] = await runSize(n);
  return results;
}
