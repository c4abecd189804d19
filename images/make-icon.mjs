// Draws images/icon.png (128×128, the Marketplace size) with nothing but node:zlib, so the icon
// can be regenerated anywhere: three cascading bars (objective → tactic → step) with a finding
// marker on the last one.  node images/make-icon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // 4×4 subpixels per pixel for anti-aliased edges

/** Signed distance to a rounded rectangle: negative inside. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

// Back to front; the last shape that covers a subpixel wins.
const shapes = [
  { color: [0x1f, 0x2a, 0x44], inside: roundedRect(4, 4, 124, 124, 22) },
  { color: [0xf4, 0xf6, 0xfa], inside: roundedRect(22, 26, 106, 42, 8) },
  { color: [0xc9, 0xd3, 0xe6], inside: roundedRect(36, 54, 100, 70, 8) },
  { color: [0x8d, 0x9b, 0xb8], inside: roundedRect(50, 82, 78, 98, 8) },
  { color: [0xf5, 0xa6, 0x23], inside: circle(97, 90, 17) },
  { color: [0x1f, 0x2a, 0x44], inside: roundedRect(94.5, 78, 99.5, 93, 2.5) },
  { color: [0x1f, 0x2a, 0x44], inside: circle(97, 99, 3) },
];

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES, py = y + (sy + 0.5) / SAMPLES;
        let color;
        for (const shape of shapes) if (shape.inside(px, py) <= 0) color = shape.color;
        if (color) {
          sum[0] += color[0]; sum[1] += color[1]; sum[2] += color[2]; sum[3] += 255;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = sum[3] / n;
    // Straight (not premultiplied) alpha, as PNG expects.
    for (let c = 0; c < 3; c++) row[1 + x * 4 + c] = alpha ? Math.round((sum[c] / n) * (255 / alpha)) : 0;
    row[1 + x * 4 + 3] = Math.round(alpha);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
