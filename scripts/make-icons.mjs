// Generates the PWA icons (static/icons/*.png) and the favicon: a podium of three bars.
// Run once with `node scripts/make-icons.mjs`; the outputs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const BG = [0x1f, 0x4e, 0x79];
const BARS = [
  { color: [0xc9, 0xcf, 0xd6], x: 0.2, w: 0.2, h: 0.34 }, // ARGENT, left
  { color: [0xe0, 0xb1, 0x3c], x: 0.4, w: 0.2, h: 0.5 }, // OR, centre
  { color: [0xc0, 0x7a, 0x45], x: 0.6, w: 0.2, h: 0.24 } // BRONZE, right
];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, { maskable }) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const radius = maskable ? 0 : size * 0.18;
  // Maskable icons keep the drawing inside the central 80 % safe zone.
  const scale = maskable ? 0.72 : 0.9;
  const off = (1 - scale) / 2;
  const base = 0.8; // ground line (fraction of the drawing box)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = y * (size * 4 + 1) + 1 + x * 4;
      // rounded square background
      const cx = Math.min(x, size - 1 - x);
      const cy = Math.min(y, size - 1 - y);
      let inside = true;
      if (cx < radius && cy < radius)
        inside = (radius - cx) ** 2 + (radius - cy) ** 2 <= radius ** 2;
      let rgb = BG;
      const u = (x / size - off) / scale;
      const v = (y / size - off) / scale;
      for (const b of BARS) {
        if (u >= b.x + 0.01 && u < b.x + b.w - 0.01 && v <= base && v >= base - b.h) rgb = b.color;
      }
      if (u >= 0.14 && u <= 0.86 && v > base && v <= base + 0.035) rgb = [0xff, 0xff, 0xff];
      raw[i] = rgb[0];
      raw[i + 1] = rgb[1];
      raw[i + 2] = rgb[2];
      raw[i + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

writeFileSync('static/icons/icon-192.png', png(192, { maskable: false }));
writeFileSync('static/icons/icon-512.png', png(512, { maskable: false }));
writeFileSync('static/icons/maskable-512.png', png(512, { maskable: true }));
writeFileSync(
  'static/favicon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1f4e79"/><rect x="13" y="30" width="12" height="21" fill="#c9cfd6"/><rect x="26" y="20" width="12" height="31" fill="#e0b13c"/><rect x="39" y="36" width="12" height="15" fill="#c07a45"/><rect x="9" y="51" width="46" height="3" fill="#fff"/></svg>\n`
);
console.log('icons written');
