// A seeded generator of large account-metric CSV files (the tests' cancel cases and the import
// bench): `account_id` then N metrics, integers and decimals alternating, ~2% blanks, written in
// pieces so the file is never one string in memory.

import fs from 'node:fs';
import { SeededRandom } from '../../../shared/random';

export interface LargeCsvOptions {
  rows: number;
  metrics?: number;
  seed?: number;
}

const ROWS_PER_WRITE = 5_000;

/** Writes the file; returns its size in bytes. */
export function writeLargeCsv(file: string, { rows, metrics = 20, seed = 42 }: LargeCsvOptions): number {
  const rng = new SeededRandom(seed);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    let header = 'account_id';
    for (let m = 0; m < metrics; m++) header += `,metric_${m}`;
    let out = `${header}\n`;
    for (let r = 0; r < rows; r++) {
      let line = `ACC-${r}`;
      for (let m = 0; m < metrics; m++) {
        const roll = rng.int(100);
        line += roll < 2 ? ',' : m % 2 === 0 ? `,${rng.int(10_000)}` : `,${(rng.next() * 1000).toFixed(2)}`;
      }
      out += `${line}\n`;
      if ((r + 1) % ROWS_PER_WRITE === 0) {
        bytes += fs.writeSync(fd, out);
        out = '';
      }
    }
    if (out) bytes += fs.writeSync(fd, out);
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
