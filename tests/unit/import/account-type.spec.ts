import { describe, it, expect } from 'vitest';
import { parseAccountType } from '../../../src/lib/import/account-type';

describe('parseAccountType', () => {
  it.each([
    ['client', 'client'],
    ['Client', 'client'],
    ['CLIENTS', 'client'],
    ['CL', 'client'],
    ['customer', 'client'],
    ['Actif', 'client'],
    [' client actif ', 'client'],
    ['prospect', 'prospect'],
    ['Prospect', 'prospect'],
    ['PR', 'prospect'],
    ['lead', 'prospect'],
    ['Leads', 'prospect'],
    ['suspect', 'prospect'],
    ['Opportunité', 'prospect'],
    ['Prospect chaud', 'prospect']
  ] as const)('%j → %s', (raw, expected) => {
    expect(parseAccountType(raw)).toBe(expected);
  });

  it.each([
    '',
    '  ',
    'inactif',
    'ancien client',
    'partenaire',
    'fournisseur',
    'c',
    'p',
    'client prospect'
  ])('%j → null', (raw) => {
    expect(parseAccountType(raw)).toBeNull();
  });
});
