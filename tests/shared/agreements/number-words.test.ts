import { describe, expect, it } from 'vitest';
import {
  businessDaysInWords,
  clpInWords,
  MAX_NUMBER_IN_WORDS,
  NumberWordsError,
  numberToWords,
  pesosInWords,
} from '../../../shared/agreements/number-words';

/**
 * An independent, strict words → number parser: it does not share tables or structure with the
 * implementation, and it rejects malformed Spanish ("un mil", "uno mil", "cien uno", "veintiuno
 * pesos", "un millones"), so a round trip checks grammar as well as value.
 */
const SMALL: Record<string, number> = {
  uno: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, 'dieciséis': 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, veintiuno: 21, 'veintiún': 21, 'veintidós': 22, 'veintitrés': 23, veinticuatro: 24, veinticinco: 25, 'veintiséis': 26,
  veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
};
const HUNDRED_WORDS: Record<string, number> = {
  cien: 100, ciento: 100, doscientos: 200, trescientos: 300, cuatrocientos: 400, quinientos: 500,
  seiscientos: 600, setecientos: 700, ochocientos: 800, novecientos: 900,
};
const SHORT = new Set(['un', 'veintiún']);
const LONG = new Set(['uno', 'veintiuno']);
const SCALE = new Set(['mil', 'millón', 'millones']);

function parseWords(text: string, mode: 'cardinal' | 'noun'): number {
  const tokens = text.split(' ');
  if (text === 'cero') return 0;
  const fail = (why: string): never => {
    throw new Error(`${why}: "${text}"`);
  };
  let millions = 0;
  let thousands = 0;
  let group = 0;
  let afterY = false;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const hundred = HUNDRED_WORDS[token];
    const small = SMALL[token];
    if (hundred !== undefined) {
      if (group !== 0) fail('hundreds after smaller words');
      if (token === 'cien' && next !== undefined && (SMALL[next] !== undefined || next === 'y')) fail('cien followed by units');
      if (token === 'ciento' && (next === undefined || SMALL[next] === undefined)) fail('ciento alone');
      group = hundred;
    } else if (token === 'y') {
      if (group % 100 < 30 || group % 10 !== 0 || next === undefined || (SMALL[next] ?? 10) > 9) fail('misplaced y');
      afterY = true;
    } else if (small !== undefined) {
      if (group % 100 !== 0 && !afterY) fail('two small words');
      if (afterY && small > 9) fail('tens after y');
      if (SHORT.has(token) && !(next !== undefined ? SCALE.has(next) : mode === 'noun')) fail('un where uno belongs');
      if (LONG.has(token) && (next !== undefined || mode === 'noun')) fail('uno where un belongs');
      group += small;
      afterY = false;
    } else if (token === 'mil') {
      if (group === 1 || thousands !== 0) fail('un mil / mil twice');
      thousands = (group || 1) * 1000;
      group = 0;
    } else if (token === 'millón' || token === 'millones') {
      const count = thousands + group;
      if (millions !== 0 || (token === 'millón') !== (count === 1) || count === 0) fail('bad millions');
      millions = count * 1_000_000;
      thousands = 0;
      group = 0;
    } else {
      fail(`unknown word ${token}`);
    }
  });
  if (afterY) fail('dangling y');
  return millions + thousands + group;
}

function parsePesos(text: string): number {
  if (text === 'un peso') return 1;
  const match = /^(.*?)( de)? pesos$/.exec(text);
  if (!match?.[1]) throw new Error(`not an amount in pesos: "${text}"`);
  const n = parseWords(match[1], 'noun');
  const endsInMillions = /(millón|millones)$/.test(match[1]);
  if (endsInMillions !== Boolean(match[2])) throw new Error(`"de" must follow exactly a bare millón/millones: "${text}"`);
  if (n === 1) throw new Error('1 is "un peso"');
  return n;
}

/** Several million conversions: a wide limit for a loaded machine (a limit, not a timing assertion). */
const EXHAUSTIVE_LIMIT_MS = 180_000;

describe('numberToWords and pesosInWords', () => {
  it.each([
    [0, 'cero', 'cero pesos'],
    [1, 'uno', 'un peso'],
    [15, 'quince', 'quince pesos'],
    [16, 'dieciséis', 'dieciséis pesos'],
    [21, 'veintiuno', 'veintiún pesos'],
    [22, 'veintidós', 'veintidós pesos'],
    [31, 'treinta y uno', 'treinta y un pesos'],
    [100, 'cien', 'cien pesos'],
    [101, 'ciento uno', 'ciento un pesos'],
    [110, 'ciento diez', 'ciento diez pesos'],
    [500, 'quinientos', 'quinientos pesos'],
    [990, 'novecientos noventa', 'novecientos noventa pesos'],
    [1_000, 'mil', 'mil pesos'],
    [1_001, 'mil uno', 'mil un pesos'],
    [1_100, 'mil cien', 'mil cien pesos'],
    [21_000, 'veintiún mil', 'veintiún mil pesos'],
    [21_021, 'veintiún mil veintiuno', 'veintiún mil veintiún pesos'],
    [24_990, 'veinticuatro mil novecientos noventa', 'veinticuatro mil novecientos noventa pesos'],
    [31_000, 'treinta y un mil', 'treinta y un mil pesos'],
    [100_000, 'cien mil', 'cien mil pesos'],
    [101_000, 'ciento un mil', 'ciento un mil pesos'],
    [150_000, 'ciento cincuenta mil', 'ciento cincuenta mil pesos'],
    [999_999, 'novecientos noventa y nueve mil novecientos noventa y nueve', 'novecientos noventa y nueve mil novecientos noventa y nueve pesos'],
    [1_000_000, 'un millón', 'un millón de pesos'],
    [1_000_001, 'un millón uno', 'un millón un pesos'],
    [1_500_000, 'un millón quinientos mil', 'un millón quinientos mil pesos'],
    [2_000_000, 'dos millones', 'dos millones de pesos'],
    [2_500_000, 'dos millones quinientos mil', 'dos millones quinientos mil pesos'],
    [21_000_000, 'veintiún millones', 'veintiún millones de pesos'],
    [101_000_000, 'ciento un millones', 'ciento un millones de pesos'],
    [1_000_000_000, 'mil millones', 'mil millones de pesos'],
    [1_001_000_000, 'mil un millones', 'mil un millones de pesos'],
    [1_000_001_000, 'mil millones mil', 'mil millones mil pesos'],
    [21_000_000_000, 'veintiún mil millones', 'veintiún mil millones de pesos'],
    [
      MAX_NUMBER_IN_WORDS,
      'novecientos noventa y nueve mil novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve',
      'novecientos noventa y nueve mil novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve pesos',
    ],
  ])('%i → %s / %s', (n, cardinal, pesos) => {
    expect(numberToWords(n)).toBe(cardinal);
    expect(pesosInWords(n)).toBe(pesos);
  });

  it('writes amounts in figures and words', () => {
    expect(clpInWords(150_000)).toBe('$150.000 (ciento cincuenta mil pesos)');
    expect(clpInWords(1_000_000)).toBe('$1.000.000 (un millón de pesos)');
    expect(clpInWords(2_500_000)).toBe('$2.500.000 (dos millones quinientos mil pesos)');
  });

  it('writes business-day periods', () => {
    expect(businessDaysInWords(10)).toBe('diez (10) días hábiles');
    expect(businessDaysInWords(1)).toBe('un (1) día hábil');
    expect(businessDaysInWords(21)).toBe('veintiún (21) días hábiles');
  });

  it.each([
    [1.5, 'not_integer'],
    [Number.NaN, 'not_integer'],
    [Number.POSITIVE_INFINITY, 'not_integer'],
    [-1, 'negative'],
    [MAX_NUMBER_IN_WORDS + 1, 'out_of_range'],
  ] as const)('refuses %s with %s', (n, code) => {
    for (const write of [() => numberToWords(n), () => pesosInWords(n), () => clpInWords(n), () => businessDaysInWords(n)]) {
      expect(write).toThrow(NumberWordsError);
      try {
        write();
      } catch (error) {
        expect((error as NumberWordsError).code).toBe(code);
      }
    }
  });

  it('the test parser rejects malformed Spanish (so the round trips below can fail)', () => {
    for (const bad of ['un mil', 'uno mil', 'cien uno', 'ciento', 'veintiuno mil', 'un millones', 'dos millón', 'treinta y', 'diez y seis']) {
      expect(() => parseWords(bad, 'cardinal')).toThrow();
    }
    expect(() => parseWords('veintiuno', 'noun')).toThrow();
    expect(() => parseWords('veintiún', 'cardinal')).toThrow();
    expect(() => parsePesos('un millón pesos')).toThrow();
    expect(() => parsePesos('dos millones quinientos mil de pesos')).toThrow();
  });

  it('round-trips every number from 0 to 2 000 000', () => {
    for (let n = 0; n <= 2_000_000; n++) {
      const cardinal = numberToWords(n);
      const pesos = pesosInWords(n);
      if (parseWords(cardinal, 'cardinal') !== n || parsePesos(pesos) !== n) {
        expect({ n, cardinal, pesos }).toBeNull();
      }
    }
  }, EXHAUSTIVE_LIMIT_MS);

  it('round-trips 200 000 random numbers up to 999 999 999 999 (seeded)', () => {
    let seed = 0x2026_1122;
    const random = (): number => {
      // mulberry32: deterministic, so a failure reproduces.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    for (let i = 0; i < 200_000; i++) {
      // Mix magnitudes so small groups (x 000 001 000) are as common as full ones.
      const digits = 1 + Math.floor(random() * 12);
      const n = Math.floor(random() * 10 ** digits);
      const cardinal = numberToWords(n);
      const pesos = pesosInWords(n);
      if (parseWords(cardinal, 'cardinal') !== n || parsePesos(pesos) !== n) {
        expect({ n, cardinal, pesos }).toBeNull();
      }
    }
  }, EXHAUSTIVE_LIMIT_MS);
});
