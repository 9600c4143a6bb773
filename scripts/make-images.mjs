// Generates the small example screenshots under content/static/images/ (run once; the PNGs are
// committed). Each is a flat "window" with a title bar and a highlighted button, drawn with no
// dependency: a minimal PNG encoder over node:zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(width, height, pixel) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const i = y * (width * 3 + 1) + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function screenshot(accent, buttonRow) {
  const w = 320;
  const h = 200;
  return png(w, h, (x, y) => {
    if (y < 24) return accent; // title bar
    if (x < 70) return [236, 239, 244]; // side menu
    if (x >= 90 && x < 230 && y >= 40 + buttonRow * 36 && y < 64 + buttonRow * 36) return [220, 60, 60]; // highlighted control
    if (x >= 90 && x < 300 && (y - 40) % 36 < 24 && y >= 40 && y < 184) return [210, 214, 220]; // other controls
    return [255, 255, 255];
  });
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'content', 'static', 'images', 'guides');
const sets = {
  mfa: [[0, 90, 180], 3],
  share: [[20, 130, 80], 3],
  backup: [[120, 60, 160], 3],
  bitlocker: [[200, 120, 0], 2],
};
for (const [name, [accent, count]] of Object.entries(sets)) {
  fs.mkdirSync(path.join(root, name), { recursive: true });
  for (let i = 1; i <= count; i++) {
    fs.writeFileSync(path.join(root, name, `${name}_00${i}.png`), screenshot(accent, i - 1));
  }
}
console.log(`images written under ${root}`);
