import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a whole-number option: a bad value is reported as typed
 * (`argument 'two' is invalid. expected …`, exit 2), never let through as `NaN`.
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
