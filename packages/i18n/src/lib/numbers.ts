/** A number found in prose. */
export interface NumberToken {
  /** Comparison key: `1000` for `1,000` / `1 000` / `1.000`, `2.5` for `2,5`, `10.0.19045` as is. */
  key: string;
  /** As written. */
  raw: string;
  /** Offset in the text. */
  index: number;
}

// Versions first (three or more parts), then grouped thousands, decimals, integers. The
// look-behind keeps identifiers such as `M365`, `IPv4` or `x64` out: they are names, not numbers.
const NUMBER = /(?<![\p{L}\p{N}_.,])(?:(\d+(?:\.\d+){2,})|(\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+)(?![.,]?\d)|(\d+[.,]\d+)|(\d+))/gu;

/**
 * Find the numbers in a piece of prose and normalise their spelling, so `8 heures` and
 * `8 hours`, `1 000` and `1,000`, `2,5 %` and `2.5%`, `1er` and `1st` agree.
 *
 * @param text Prose (code and URLs already removed).
 * @returns The numbers in order.
 */
export function extractNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const [raw, version, grouped, decimal, integer] = match;
    let key: string;
    if (version) key = version;
    else if (grouped) key = String(Number(grouped.replace(/[\u00a0\u202f ,.]/g, '')));
    else if (decimal) key = String(Number(decimal.replace(',', '.')));
    else key = String(Number(integer));
    tokens.push({ key, raw, index: match.index });
  }
  return tokens;
}
