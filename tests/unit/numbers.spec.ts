import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/lib/state/numbers';

describe('readNumber (what a person types in a field)', () => {
  it('reads French and English decimals and spaces', () => {
    expect(readNumber('2,5')).toBe(2.5);
    expect(readNumber('2.5')).toBe(2.5);
    expect(readNumber('1 000')).toBe(1000);
    expect(readNumber('0,75')).toBe(0.75);
    expect(readNumber('-3')).toBe(-3);
  });
  it('never turns empty or garbage into 0', () => {
    expect(readNumber('')).toBeNull();
    expect(readNumber('  ')).toBeNull();
    expect(readNumber('douze')).toBeNull();
    expect(readNumber('1,2,3')).toBeNull();
    expect(readNumber('12abc')).toBeNull();
  });
});
