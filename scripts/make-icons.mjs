// scripts/make-icons.mjs - draws the app icons (a bar chart on the theme colour) into web/icons/ as PNG.
// Run by hand when the design changes; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
const theme = [0x12, 0x35, 0x5b, 255];
const bars = [[0.95, [0xe4, 0x00, 0x3b]], [0.6, [0x00, 0x87, 0xdc]], [0.4, [0xfa, 0xa6, 0x1a]], [0.25, [0x02, 0xa9, 0x5b]]];
/** Bars inside a box (x0, y0, x1, y1) of the unit square; `round` makes the square's corners transparent. */
function icon(box, round) {
  const [x0, y0, x1, y1] = box;
  return (u, v) => {
    if (round) {
      const r = 0.18, cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
      if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
    }
    if (u >= x0 && u <= x1 && v >= y0 && v <= y1) {
      const h = (y1 - y0) / bars.length;
      const i = Math.min(bars.length - 1, Math.floor((v - y0) / h));
      const inBar = (v - y0) - i * h > h * 0.15 && (v - y0) - i * h < h * 0.85;
      if (inBar && (u - x0) / (x1 - x0) <= bars[i][0]) return [...bars[i][1], 255];
    }
    return theme;
  };
}
mkdirSync(new URL('../web/icons/', import.meta.url), { recursive: true });
const out = (name, buf) => writeFileSync(new URL(`../web/icons/${name}`, import.meta.url), buf);
out('icon-192.png', png(192, icon([0.18, 0.2, 0.82, 0.8], true)));
out('icon-512.png', png(512, icon([0.18, 0.2, 0.82, 0.8], true)));
// maskable: full bleed background, the drawing inside the central 80% safe zone
out('icon-maskable-512.png', png(512, icon([0.27, 0.28, 0.73, 0.72], false)));
console.log('icons written to web/icons/');
