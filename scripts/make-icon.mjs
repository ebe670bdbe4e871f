// Draws the app icon (a health gauge on an indigo tile) into resources/build/icon.png, 512×512, the
// size electron-builder turns into every platform's icon set. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Coverage of pixel (x, y) by a shape, 4×4 supersampled for smooth edges. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function paint(inside, [r, g, b]) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const a = coverage(x, y, inside);
      if (a === 0) continue;
      const o = (y * SIZE + x) * 4;
      const under = pixels[o + 3] / 255;
      pixels[o] = Math.round(r * a + pixels[o] * (1 - a));
      pixels[o + 1] = Math.round(g * a + pixels[o + 1] * (1 - a));
      pixels[o + 2] = Math.round(b * a + pixels[o + 2] * (1 - a));
      pixels[o + 3] = Math.round(255 * (a + under * (1 - a)));
    }
  }
}

const c = SIZE / 2;
const tile = (x, y) => {
  const m = 40;
  const r = 96;
  const dx = Math.max(m + r - x, 0, x - (SIZE - m - r));
  const dy = Math.max(m + r - y, 0, y - (SIZE - m - r));
  return x >= m && x <= SIZE - m && y >= m && y <= SIZE - m && dx * dx + dy * dy <= r * r;
};
const arc = (from, to, r0, r1) => (x, y) => {
  const dx = x - c;
  const dy = y - (c + 40);
  const d = Math.hypot(dx, dy);
  const angle = Math.atan2(-dy, dx);
  return d >= r0 && d <= r1 && angle >= from && angle <= to;
};
const needle = (x, y) => {
  const ax = c;
  const ay = c + 40;
  const angle = Math.PI * 0.28;
  const tx = ax + Math.cos(angle) * 150;
  const ty = ay - Math.sin(angle) * 150;
  const t = Math.max(0, Math.min(1, ((x - ax) * (tx - ax) + (y - ay) * (ty - ay)) / ((tx - ax) ** 2 + (ty - ay) ** 2)));
  return Math.hypot(x - (ax + t * (tx - ax)), y - (ay + t * (ty - ay))) <= 14 - 6 * t || Math.hypot(x - ax, y - ay) <= 26;
};

paint(tile, [91, 91, 214]);
paint(arc(Math.PI * (2 / 3), Math.PI, 150, 190), [229, 72, 77]);
paint(arc(Math.PI / 3, Math.PI * (2 / 3) - 0.04, 150, 190), [245, 190, 60]);
paint(arc(0, Math.PI / 3 - 0.04, 150, 190), [70, 190, 120]);
paint(needle, [255, 255, 255]);

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8;
header[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../resources/build/icon.png', import.meta.url), png);
console.log(`wrote resources/build/icon.png (${png.length} bytes)`);
