// The committed kernel module must be what scoring.wat assembles to (scripts/build-wasm.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { KERNEL_MODULE, generatedKernelModule } from '../../../scripts/build-wasm.mjs';

describe('generated kernel module', () => {
  it('is up to date with scoring.wat', async () => {
    const expected: string = await generatedKernelModule();
    expect(readFileSync(KERNEL_MODULE as string, 'utf8'), 'run node scripts/build-wasm.mjs').toBe(expected);
  });
});
