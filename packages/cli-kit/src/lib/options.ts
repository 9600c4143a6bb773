import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a whole-number option: a bad value is reported as typed
 * (`option '--max-warnings <n>' argument 'two' is invalid. expected …`, exit 2), never let
 * through as `NaN`.
 *
 * @param min Smallest value accepted.
 * @param expected What the message says is expected ("a whole number …").
 * @param max Largest value accepted.
 */
export function wholeNumberOption(min: number, expected: string, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${expected}`);
    return n;
  };
}

/**
 * A commander parser for a repeatable, comma-separated list option (`-t en -t de`, `-t en,de`).
 *
 * @param value This occurrence's value.
 * @param previous The values collected so far.
 * @returns Every value, empty items dropped.
 */
export function listOption(value: string, previous: readonly string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ];
}
