import type { Format } from './format.js';
import { data } from './formats/data.js';
import { html } from './formats/html.js';
import { json } from './formats/json.js';
import { jsonld } from './formats/jsonld.js';
import { md } from './formats/md.js';
import { pdf } from './formats/pdf.js';
import { single } from './formats/single.js';

/**
 * Every format `build` knows, in build order. Adding a format is its file under `formats/`
 * plus one line here.
 */
export const formats: readonly Format<any>[] = [html, single, json, md, jsonld, data, pdf];
