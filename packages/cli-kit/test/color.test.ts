import { describe, expect, it } from 'vitest';
import { shouldColor } from '../src/index.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('shouldColor', () => {
  it('follows the flag first', () => {
    expect(shouldColor(true, { stream: pipe, env: { NO_COLOR: '1' } })).toBe(true);
    expect(shouldColor(false, { stream: tty, env: { FORCE_COLOR: '1' } })).toBe(false);
  });

  it('then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(shouldColor(undefined, { stream: pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldColor(undefined, { stream: pipe, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(shouldColor(undefined, { stream: tty, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldColor(undefined, { stream: tty, env: { FORCE_COLOR: 'false' } })).toBe(false);
    expect(shouldColor(undefined, { stream: tty, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(shouldColor(undefined, { stream: tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor(undefined, { stream: tty, env: { NO_COLOR: '' } })).toBe(true);
    expect(shouldColor(undefined, { stream: tty, env: {} })).toBe(true);
    expect(shouldColor(undefined, { stream: tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(shouldColor(undefined, { stream: pipe, env: {} })).toBe(false);
  });
});
