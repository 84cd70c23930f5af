import { describe, expect, it } from 'vitest';
import { computeCheckDigit, formatRut, isValidRut, isValidRutInput, normalizeRut, rutFromBody } from '../../shared/domain/rut';

describe('computeCheckDigit', () => {
  // Worked by hand: 12345678 → 8·2+7·3+6·4+5·5+4·6+3·7+2·2+1·3 = 138; 138 mod 11 = 6; 11-6 = 5.
  it.each([
    ['12345678', '5'],
    ['11111111', '1'],
    ['10000013', 'K'], // 3·2 + 1·3 = 12; 12 mod 11 = 1; 11-1 = 10 → K
    ['10000027', 'K'],
    ['10000004', '0'], // 4·2 + 1·3 = 11; 11 mod 11 = 0; 11-0 = 11 → 0
    ['10000018', '0'],
    ['1', '9'],
    ['76086428', '5'],
  ])('%s → %s', (body, dv) => {
    expect(computeCheckDigit(body)).toBe(dv);
  });

  it.each(['', '12.345.678', 'abc', '12345678-5', ' 1', '1234567890'])('rejects body %j', (body) => {
    expect(() => computeCheckDigit(body)).toThrow(RangeError);
  });
});

describe('isValidRut (canonical only)', () => {
  it.each(['12345678-5', '11111111-1', '10000013-K', '10000004-0', '1-9', '76086428-5'])('accepts %s', (rut) => {
    expect(isValidRut(rut)).toBe(true);
  });

  it.each([
    ['wrong check digit', '12345678-4'],
    ['lower-case k', '10000013-k'],
    ['dots', '12.345.678-5'],
    ['no hyphen', '123456785'],
    ['leading zero', '012345678-5'],
    ['outer spaces', ' 12345678-5'],
    ['inner space', '12345678 -5'],
    ['zero body', '0-0'],
    ['nine digits', '123456789-2'],
    ['empty', ''],
    ['garbage', 'hola'],
    ['only check digit', '-5'],
    ['K in the body', '1234567K-5'],
    ['two hyphens', '1234-5678-5'],
  ])('rejects %s (%j)', (_label, rut) => {
    expect(isValidRut(rut)).toBe(false);
  });
});

describe('normalizeRut', () => {
  it.each([
    ['12345678-5', '12345678-5'],
    ['12.345.678-5', '12345678-5'],
    ['123456785', '12345678-5'],
    ['12.345.6785', '12345678-5'],
    ['  12.345.678-5 \t', '12345678-5'],
    ['10.000.013-k', '10000013-K'],
    ['10000013k', '10000013-K'],
    ['10.000.004-0', '10000004-0'],
    ['012.345.678-5', '12345678-5'],
    ['0012345678-5', '12345678-5'],
    ['1-9', '1-9'],
    [`1.000.000-${computeCheckDigit('1000000')}`, `1000000-${computeCheckDigit('1000000')}`],
  ])('%j → %s', (input, canonical) => {
    expect(normalizeRut(input)).toBe(canonical);
    expect(isValidRutInput(input)).toBe(true);
    expect(isValidRut(canonical)).toBe(true);
  });

  it.each([
    '12.345.678-4', // wrong check digit
    '12 345 678-5', // inner spaces
    '12.345678-5', // dots not all-or-none
    '1.2345.678-5', // misplaced dot
    '12,345,678-5', // commas
    '12.345.678--5',
    '12.345.678-',
    '0-0',
    '000000000',
    '123.456.789-2', // nine significant digits
    'K',
    '',
    '   ',
    'RUT 12.345.678-5',
    '12345678-5x',
  ])('rejects %j', (input) => {
    expect(normalizeRut(input)).toBeNull();
    expect(isValidRutInput(input)).toBe(false);
  });

  it('agrees with isValidRut on every canonical output for a range of bodies', () => {
    for (let body = 1; body < 30_000_000; body += 104_729) {
      const canonical = rutFromBody(body);
      expect(isValidRut(canonical)).toBe(true);
      expect(normalizeRut(formatRut(canonical))).toBe(canonical);
      expect(normalizeRut(formatRut(canonical).toLowerCase())).toBe(canonical);
    }
  });
});

describe('formatRut', () => {
  it.each([
    ['12345678-5', '12.345.678-5'],
    ['10000013-K', '10.000.013-K'],
    ['1-9', '1-9'],
    [`123-${computeCheckDigit('123')}`, `123-${computeCheckDigit('123')}`],
    [`1234-${computeCheckDigit('1234')}`, `1.234-${computeCheckDigit('1234')}`],
    [`7654321-${computeCheckDigit('7654321')}`, `7.654.321-${computeCheckDigit('7654321')}`],
  ])('%s → %s', (canonical, formatted) => {
    expect(formatRut(canonical)).toBe(formatted);
  });

  it('refuses non-canonical input instead of formatting garbage', () => {
    expect(() => formatRut('12.345.678-5')).toThrow(RangeError);
    expect(() => formatRut('12345678-4')).toThrow(RangeError);
  });
});

describe('rutFromBody', () => {
  it('builds canonical RUTs and refuses impossible bodies', () => {
    expect(rutFromBody(12345678)).toBe('12345678-5');
    expect(() => rutFromBody(0)).toThrow(RangeError);
    expect(() => rutFromBody(100_000_000)).toThrow(RangeError);
    expect(() => rutFromBody(1.5)).toThrow(RangeError);
  });
});
