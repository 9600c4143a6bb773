import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/index.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe('createProgress', () => {
  it('stays quiet off a terminal and in CI', () => {
    expect(createProgress('x', { stream: stream(false), env: {} })).toBeUndefined();
    expect(createProgress('x', { stream: stream(true), env: { CI: 'true' } })).toBeUndefined();
  });

  it('draws on a terminal, once per percent (0 to 100), and erases its line', () => {
    const out = stream(true);
    const progress = createProgress('demo check', { stream: out, env: { CI: 'false' } });
    for (let done = 1; done <= 1000; done++) progress?.update(done, 1000);
    progress?.clear();
    expect(out.writes).toHaveLength(102);
    expect(out.writes[0]).toBe('\r\x1b[Kdemo check: 1/1000');
    expect(out.writes.at(-2)).toBe('\r\x1b[Kdemo check: 1000/1000');
    expect(out.writes.at(-1)).toBe('\r\x1b[K');
  });
});
