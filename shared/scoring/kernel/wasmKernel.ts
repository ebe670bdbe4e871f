// Loads the SIMD scoring kernel (scoring.wat, assembled into scoringWasm.generated.ts). Compiled
// once, synchronously, on first use. At 5.7 KB it is over the 4 KB Chromium allows synchronous
// compiles on a page's main thread: the engine runs in workers and in Node, where there is no such
// limit; on a main thread the compile throws and the engine keeps to its TypeScript loops. Where
// WebAssembly, SIMD or multiple memories are unavailable, or a CSP forbids compiling,
// `kernelModule()` is null and the engine keeps to its TypeScript loops.

import { SCORING_WASM_BASE64 } from './scoringWasm.generated';

// The few WebAssembly JS API members used, typed here: the Node typecheck has no DOM library.
/** A WebAssembly.Memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The kernel's exports (see scoring.wat for the exact contract of each). */
export interface KernelExports {
  bind(num: number, den: number, cnt: number, score: number, band: number, hist: number, stride: number, counts: number, scratch: number, block: number, segment: number): void;
  recomputeMasked(terms: number, termCount: number, wide: number, adj: number, covMin: number, i0: number, len: number, k: number): void;
  tally(i0: number, len: number): void;
  tallyRows(rows: number, len: number): void;
  setTally(red: number, green: number, scale: number, lift: number, last: number): void;
  updateWeight(col: number, wide: number, delta: number, adj: number, covMin: number, i0: number, len: number): void;
  recompute(terms: number, termCount: number, wide: number, adj: number, covMin: number, i0: number, len: number): void;
  updateWeightRows(col: number, wide: number, delta: number, adj: number, covMin: number, rows: number, len: number): void;
}

let compiled: WasmModule | null | undefined;

function decodeBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The compiled kernel, or null where it cannot run here. */
export function kernelModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi ? new wasmApi.Module(decodeBase64(SCORING_WASM_BASE64)) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled ?? null;
}

export function instantiateKernel(state: WasmMemory, matrix: WasmMemory): KernelExports | null {
  const module = kernelModule();
  if (!module || !wasmApi) return null;
  try {
    return new wasmApi.Instance(module, { env: { state, matrix } }).exports as unknown as KernelExports;
  } catch {
    return null;
  }
}

export const WASM_PAGE = 65536;

/** A memory of at least `bytes` that never grows, or null when it cannot be had. */
export function fixedMemory(bytes: number): WasmMemory | null {
  const pages = Math.max(1, Math.ceil(bytes / WASM_PAGE));
  if (pages > 65536 || !wasmApi) return null;
  try {
    return new wasmApi.Memory({ initial: pages, maximum: pages });
  } catch {
    return null;
  }
}

/** Rounds a byte offset up to 16, the alignment of every array the kernel reads. */
export const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;
