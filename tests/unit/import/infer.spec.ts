import { describe, it, expect } from 'vitest';
import { inferColumnType } from '../../../src/lib/import/infer';
import type { InferOptions } from '../../../src/lib/import/infer';

const FR: InferOptions = { style: 'fr', dateOrder: 'dmy' };
const infer = (values: string[], opts: Partial<InferOptions> = {}) =>
  inferColumnType(values, { ...FR, ...opts });

describe('inferColumnType', () => {
  it('id-like roles are always id, whatever the values', () => {
    for (const role of ['id', 'postcode', 'naf', 'department'] as const) {
      expect(infer(['1', '2', '3'], { role })).toEqual({ type: 'id', parsedShare: 1 });
    }
    expect(infer(['1', '2', '3'], { role: 'revenue' }).type).toBe('number');
  });

  it('leading zeros make an id column', () => {
    expect(infer(['012345678', '123456789', '552100554']).type).toBe('id');
    expect(infer(['01000', '75001', '13001']).type).toBe('id');
  });

  it('Excel-damaged identifiers make an id column (not numbers)', () => {
    expect(infer(['1,23457E+13', '12345678901234', '5,521E+13']).type).toBe('id');
  });

  it('9+ digit codes of one length are ids even without a leading zero', () => {
    expect(infer(['552100554', '732829320', '443061841', '']).type).toBe('id');
    expect(infer(['125000', '340000', '99000']).type).toBe('number');
  });

  it('numbers when ≥ 90 % parse', () => {
    const values = ['1 234,56 €', '(12,00)', '12 %', '0', '', 'n.c.', '7', '8', '9', '10'];
    expect(infer(values)).toEqual({ type: 'number', parsedShare: 1 });
    const mostly = [...Array.from({ length: 9 }, (_, i) => `${i + 1},5`), 'abc'];
    expect(infer(mostly)).toEqual({ type: 'number', parsedShare: 0.9 });
    const notEnough = [...Array.from({ length: 8 }, (_, i) => `${i + 1},5`), 'abc', 'def'];
    expect(infer(notEnough).type).not.toBe('number');
  });

  it('number style matters', () => {
    expect(infer(['1,234.5', '2,000.25'], { style: 'en' }).type).toBe('number');
    expect(infer(['1,234.5', '2,000.25'], { style: 'fr' }).type).not.toBe('number');
  });

  it('dates when ≥ 90 % parse', () => {
    expect(infer(['05/03/2024', '5/3/24', '2024-03-05', '']).type).toBe('date');
    expect(infer(['31/12/2024', '13/01/2024'], { dateOrder: 'mdy' }).type).not.toBe('date');
  });

  it('booleans (words and x marks), 0/1 only when both values occur', () => {
    expect(infer(['oui', 'non', 'Oui', '']).type).toBe('boolean');
    expect(infer(['x', '', 'x', 'X']).type).toBe('boolean');
    expect(infer(['1', '0', '1']).type).toBe('boolean');
    expect(infer(['1', '1', '1']).type).toBe('number');
  });

  it('categories: few, repeated, short values', () => {
    const values = Array.from(
      { length: 200 },
      (_, i) => ['Client', 'Prospect', 'Partenaire'][i % 3]
    );
    expect(infer(values)).toEqual({ type: 'category', parsedShare: 1 });
    const cities = Array.from({ length: 40 }, (_, i) => `Ville ${i % 10}`);
    expect(infer(cities).type).toBe('category');
  });

  it('enumeration roles are categories even without repeats', () => {
    expect(infer(['Client', 'Prospect'], { role: 'accountType' }).type).toBe('category');
    expect(infer(['Client', 'Prospect']).type).toBe('text');
    expect(infer(['Hélène', 'Jérôme', 'Zoé'], { role: 'rep' }).type).toBe('category');
  });

  it('text: unique names, long values, many distinct values', () => {
    expect(infer(['Dupont SA', 'Martin SARL', 'Durand & Fils']).type).toBe('text');
    const many = Array.from({ length: 1000 }, (_, i) => `Nom ${i % 400}`);
    expect(infer(many).type).toBe('text');
    const long = Array.from({ length: 10 }, (_, i) => `${'x'.repeat(70)}${i % 2}`);
    expect(infer(long).type).toBe('text');
  });

  it('hostile strings stay text', () => {
    const values = [
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("http://x";"y")',
      'javascript:alert(1)'
    ];
    expect(infer(values).type).toBe('text');
  });

  it('empty column → text with parsedShare 0', () => {
    expect(infer(['', ' ', 'n.c.', '-'])).toEqual({ type: 'text', parsedShare: 0 });
    expect(infer([])).toEqual({ type: 'text', parsedShare: 0 });
  });
});
