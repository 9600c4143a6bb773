/** Print HTML written for these tests (no corpus text). */
import { deflateSync } from 'node:zlib';

export interface FixtureStep {
  title: string;
  paragraphs?: number;
  image?: string;
  code?: string;
}

export interface FixtureGuide {
  title: string;
  lang?: string;
  steps: FixtureStep[];
  intro?: string;
  extraHead?: string;
  extraBody?: string;
}

const FILLER =
  'Ouvrez la console d’administration, vérifiez les paramètres puis enregistrez. ' +
  'Cette opération peut prendre quelques minutes ; patientez jusqu’à l’apparition du message de réussite. ';

/** A complete print document: h1 title, one h2 per step. */
export function printHtml(guide: FixtureGuide): string {
  const steps = guide.steps
    .map((step) => {
      const paras = Array.from({ length: step.paragraphs ?? 2 }, () => `<p>${FILLER.repeat(3)}</p>`).join('');
      const img = step.image ? `<figure><img src="${step.image}" alt="capture"></figure>` : '';
      const code = step.code ? `<pre><code>${step.code}</code></pre>` : '';
      return `<section><h2>${step.title}</h2>${paras}${img}${code}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${guide.lang ?? 'fr'}"><head><meta charset="utf-8"><title>${guide.title}</title>${guide.extraHead ?? ''}</head>
<body><article><h1>${guide.title}</h1><p>${guide.intro ?? FILLER}</p>${steps}</article>${guide.extraBody ?? ''}</body></html>`;
}

/** A solid-colour PNG, built by hand so tests need no image files. */
export function pngBytes(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function pngDataUri(width: number, height: number, rgb: [number, number, number]): string {
  return `data:image/png;base64,${pngBytes(width, height, rgb).toString('base64')}`;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** Steps with accented titles, as a French guide has. */
export function frenchSteps(n: number): FixtureStep[] {
  const verbs = ['Créer', 'Vérifier', 'Déléguer', 'Paramétrer', 'Sécuriser', 'Générer', 'Contrôler', 'Éditer'];
  return Array.from({ length: n }, (_, i) => ({
    title: `Étape ${i + 1} : ${verbs[i % verbs.length]} l’élément n°${i + 1}`,
    paragraphs: 3,
  }));
}
