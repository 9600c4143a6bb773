import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../src/lib/numbers.js';

const keys = (text: string) => extractNumbers(text).map((token) => token.key);

describe('extractNumbers', () => {
  it('agrees across languages and number formats', () => {
    expect(keys('8 heures')).toEqual(keys('8 hours'));
    expect(keys('1 000 utilisateurs')).toEqual(['1000']);
    expect(keys('1,000 users')).toEqual(['1000']);
    expect(keys('1.000 users')).toEqual(['1000']);
    expect(keys('1\u202f000 users')).toEqual(['1000']);
    expect(keys('2,5 %')).toEqual(keys('2.5%'));
    expect(keys('le 1er et le 2e')).toEqual(keys('the 1st and the 2nd'));
  });
  it('reads numbers in Japanese, Chinese and Korean text, which has no spaces', () => {
    expect(keys('ユーザーは2,000KB以上')).toEqual(['2000']);
    expect(keys('ページの98％よりも')).toEqual(['98']);
    expect(keys('Tailwind CSS v4のサポート')).toEqual(['4']);
    expect(keys('第1章、レベル2とレベル3')).toEqual(['1', '2', '3']);
    expect(keys('１２３個、５０％')).toEqual(['123', '50']);
    expect(keys('这是第3版')).toEqual(['3']);
    // A month is a word elsewhere (`April 2023`): only the year counts.
    expect(keys('2023年4月現在')).toEqual(['2023']);
    expect(keys('2023년 4월')).toEqual(['2023']);
    // Latin-letter identifiers stay names.
    expect(keys('M365 と IPv4、x64')).toEqual([]);
  });
  it('keeps versions whole and skips identifiers', () => {
    expect(keys('version 10.0.19045')).toEqual(['10.0.19045']);
    expect(keys('M365, IPv4 et x64')).toEqual([]);
    expect(keys('Windows 10 2024')).toEqual(['10', '2024']);
    expect(keys('CPU inférieur à 2% pendant 15 minutes.')).toEqual(['2', '15']);
  });
  it('reads times of day on both clocks', () => {
    expect(keys('à 22 h 00')).toEqual(['22:00']);
    expect(keys('at 10:00 PM')).toEqual(['22:00']);
    expect(keys('à 22h30')).toEqual(['22:30']);
    expect(keys('at 10:30 p.m.')).toEqual(['22:30']);
    expect(keys('12 AM')).toEqual(['0:00']);
    expect(extractNumbers('pendant 8 h')[0]!.keys).toEqual(['8:00', '8']);
  });
  it('tells different numbers apart', () => {
    expect(keys('8 hours')).not.toEqual(keys('24 hours'));
  });
});
