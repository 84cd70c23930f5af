import { describe, expect, it } from 'vitest';
import { integerOption } from '../../shared/util/integer-option';

describe('integerOption', () => {
  it('takes the fallback when absent and whole numbers within bounds', () => {
    expect(integerOption(undefined, 'port', 0, 65_535)).toBe(0);
    expect(integerOption('4810', 'port', 0, 65_535)).toBe(4810);
  });
  it('refuses fractions, negatives, out-of-range values and words, naming the option', () => {
    for (const bad of ['1.5', '-1', '70000', 'mil', '']) expect(() => integerOption(bad, 'port', 0, 65_535)).toThrow(/--port/);
  });
});
