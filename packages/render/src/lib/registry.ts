import type { Format } from './format.js';
import { data } from './outputs/data.js';
import { html } from './outputs/html.js';
import { json } from './outputs/json.js';
import { jsonld } from './outputs/jsonld.js';
import { md } from './outputs/md.js';
import { pdf } from './outputs/pdf.js';
import { single } from './outputs/single.js';

/**
 * Every output format, in build order: the one list `@guidekit/publish` iterates (and `--help`
 * prints). Adding a format is its file under `outputs/` plus one line here.
 */
export const formats: readonly Format<any>[] = [html, single, json, md, jsonld, data, pdf];

/** The ids of the formats built when none are named (all but those that need a browser). */
export const DEFAULT_FORMATS: readonly string[] = formats.filter((f) => f.byDefault).map((f) => f.id);
