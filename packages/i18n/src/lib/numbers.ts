/** A number found in prose. */
export interface NumberToken {
  /** Comparison key: `1000` for `1,000` / `1 000` / `1.000`, `2.5` for `2,5`, `10.0.19045` as is. */
  key: string;
  /** Every spelling it may agree with: a time `10:00 PM` is `22:00` and also `10`. */
  keys: string[];
  /** As written. */
  raw: string;
  /** Offset in the text. */
  index: number;
}

// A letter that glues to a number into a name (`M365`, `IPv4`, `x64`). Chinese, Japanese and
// Korean write no spaces, so a number touching their letters (`第1`, `98％よりも`, `v4の`) is
// still a number.
const L = String.raw`(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])\p{L})`;

// Times of day: `10:00 PM`, `22 h 00`, `22h`, `10 PM`. Tried before plain numbers so both
// clocks agree (`22 h 00` is `10:00 PM`).
const TIME = new RegExp(String.raw`(?<!${L}|[\p{N}_.,:])(\d{1,2})(?:\s*(:|h)\s*(\d{2})?)?(?:\s*([AaPp])\.?[Mm]\.?(?![\p{L}]))?(?!${L}|\p{N})`, 'gu');

function timeKey(hours: number, minutes: number, meridiem: string | undefined): string | undefined {
  let h = hours;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || minutes > 59) return undefined;
  return `${h}:${String(minutes).padStart(2, '0')}`;
}

// Versions first (three or more parts), then grouped thousands, decimals, integers. The
// look-behind keeps identifiers such as `M365`, `IPv4` or `x64` out: they are names, not numbers.
const NUMBER = new RegExp(String.raw`(?<!${L}|[\p{N}_.,])(?:(\d+(?:\.\d+){2,})|(\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+)(?![.,]?\d)|(\d+[.,]\d+)|(\d+))`, 'gu');

const V_PREFIX = new RegExp(String.raw`(?<!${L}|[\p{N}_.])[vV](\d+(?:\.\d+)*)(?!${L}|\p{N})`, 'gu');

/**
 * Full-width digits and signs (`１２`, `％`, `，`, `．`) as their ASCII forms, one character for
 * one so offsets hold; a month written as a number beside a CJK month sign (`4月`) is a word in
 * other languages (`April`), so it is blanked out.
 */
function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => (/[０-９％，．]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c))
    .replace(/\d{1,2}(?=\s?[月월])/g, (m) => ' '.repeat(m.length));
}

/**
 * Find the numbers in a piece of prose and normalise their spelling, so `8 heures` and
 * `8 hours`, `1 000` and `1,000`, `2,5 %` and `2.5%`, `1er` and `1st`, `22 h 00` and `10:00 PM`
 * agree.
 *
 * @param text Prose (code and URLs already removed).
 * @returns The numbers in order.
 */
export function extractNumbers(prose: string): NumberToken[] {
  const text = halfWidth(prose);
  const tokens: NumberToken[] = [];
  const taken: [number, number][] = [];
  TIME.lastIndex = 0;
  for (let match = TIME.exec(text); match; match = TIME.exec(text)) {
    const [raw, hours, separator, minutes, meridiem] = match;
    // A bare number is not a time; `8 h` may be a duration, so it keeps `8` as a spelling too.
    if (!separator && !meridiem) continue;
    if (separator === ':' && minutes === undefined) continue;
    const key = timeKey(Number(hours), Number(minutes ?? 0), meridiem);
    if (!key) continue;
    tokens.push({ key, keys: [key, String(Number(hours))], raw: raw.trim(), index: match.index });
    taken.push([match.index, match.index + raw.length]);
  }
  // `v4` is `version 4` / `Version 4`: the number is the version's.
  for (const match of text.matchAll(V_PREFIX)) {
    const key = match[1]!.split('.').length > 2 ? match[1]! : String(Number(match[1]!));
    tokens.push({ key, keys: [key], raw: match[0], index: match.index });
    taken.push([match.index, match.index + match[0].length]);
  }
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const at = match.index;
    if (taken.some(([from, to]) => at >= from && at < to)) continue;
    const [raw, version, grouped, decimal, integer] = match;
    let key: string;
    if (version) key = version;
    else if (grouped) key = String(Number(grouped.replace(/[\u00a0\u202f ,.]/g, '')));
    else if (decimal) key = String(Number(decimal.replace(',', '.')));
    else key = String(Number(integer));
    tokens.push({ key, keys: [key], raw, index: match.index });
  }
  return tokens.sort((a, b) => a.index - b.index);
}
